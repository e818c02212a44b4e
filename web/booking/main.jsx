// The guest booking page: /book/{slug}. The restaurant comes from the path;
// everything else from the public booking API (/public/{slug}/...).
import { render } from 'preact';
import { BookingApp } from './booking_app.jsx';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const params = new URLSearchParams(location.search);
const accent = params.get('accent');
// Only a plain colour reaches the style sheet (the host page chooses it).
if (accent && /^#[0-9a-fA-F]{3,8}$/.test(accent)) document.documentElement.style.setProperty('--accent', accent);

render(<BookingApp slug={slug} requestedLanguage={params.get('lang')} />, document.getElementById('app'));

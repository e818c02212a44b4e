// The guest booking page: /book/{slug}. The restaurant comes from the path;
// everything else from the public booking API (/public/{slug}/...).
import { render } from 'preact';
import { BookingApp } from './booking_app.jsx';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const params = new URLSearchParams(location.search);
const accent = params.get('accent');
// Only a plain colour reaches the style sheet (the host page chooses it).
if (accent && /^#[0-9a-fA-F]{3,8}$/.test(accent)) document.documentElement.style.setProperty('--accent', accent);

// In the widget's frame, Escape closes the dialog around it: the key goes to
// the frame, so the page tells the widget (which checks it came from here).
if (params.get('embed') === '1' && window.parent !== window) {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') window.parent.postMessage({ maitred: 'close' }, '*');
  });
}

render(<BookingApp slug={slug} requestedLanguage={params.get('lang')} />, document.getElementById('app'));

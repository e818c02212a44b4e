// The guest's own booking, /manage/{token}: see it, change it, cancel it.
// The token in the path is the only credential; the page never stores it.
import { render } from 'preact';
import { ManageApp } from './manage_app.jsx';

const token = decodeURIComponent(location.pathname.split('/')[2] || '');
render(<ManageApp token={token} />, document.getElementById('app'));

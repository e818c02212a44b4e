// The public booking API, as the page uses it. Errors become Error objects
// carrying the server's message (written for people), code and field.
import { syncServerClock } from './server_clock.js';

async function call(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = new Error(body?.message || `The server answered ${response.status}.`);
    error.status = response.status;
    error.code = body?.code;
    error.field = body?.field;
    error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw error;
  }
  if (body && typeof body === 'object' && body.now) syncServerClock(body.now);
  return body;
}

const base = (slug) => `/public/${encodeURIComponent(slug)}`;
const query = (params) => new URLSearchParams(params).toString();

export const fetchRestaurant = (slug) => call(`${base(slug)}/restaurant`);
export const fetchDates = (slug, params) => call(`${base(slug)}/dates?${query(params)}`);
export const fetchTimes = (slug, date, people) => call(`${base(slug)}/times?${query({ date, people })}`);
export const placeHold = (slug, date, time, people) =>
  call(`${base(slug)}/holds`, { method: 'POST', body: JSON.stringify({ date, time, people }) });
export const releaseHold = (slug, id) =>
  call(`${base(slug)}/holds/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => null);
export const confirmBooking = (slug, body) =>
  call(`${base(slug)}/bookings`, { method: 'POST', body: JSON.stringify(body) });

const manage = (token) => `/public/manage/${encodeURIComponent(token)}`;
export const fetchManaged = (token) => call(manage(token));
export const cancelManaged = (token) => call(`${manage(token)}/cancel`, { method: 'POST' });
export const changeManaged = (token, date, time, people) =>
  call(manage(token), { method: 'PUT', body: JSON.stringify({ date, time, people }) });
export const calendarUrl = (token) => `${manage(token)}/calendar.ics`;

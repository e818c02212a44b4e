// The public booking API, as the page uses it. Errors become Error objects
// with the server's message (it is written for people).
async function call(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(body?.message || `The server answered ${response.status}.`);
    error.status = response.status;
    error.code = body?.code;
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  return body;
}

export const fetchRestaurant = (slug) => call(`/public/${encodeURIComponent(slug)}/restaurant`);

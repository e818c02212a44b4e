// The server's clock as the page knows it: each answer that carries "now"
// resets the offset, and the device's monotonic clock counts from there. A
// wrong clock on the guest's device changes nothing.
let base = { server: Date.now(), local: performance.now() };

export function syncServerClock(serverNow) {
  const parsed = Date.parse(serverNow);
  if (!Number.isNaN(parsed)) base = { server: parsed, local: performance.now() };
}

export const serverNow = () => base.server + (performance.now() - base.local);

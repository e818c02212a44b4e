import { useEffect, useState } from 'preact/hooks';
import { serverNow } from '../server_clock.js';

// Minutes and seconds until the hold lapses, by the server's clock; calls
// onExpired once when it does. Announced politely once a minute is left, not
// every second.
export function Countdown({ expiresAt, onExpired, t }) {
  const end = Date.parse(expiresAt);
  const [left, setLeft] = useState(Math.max(0, end - serverNow()));
  useEffect(() => {
    const timer = setInterval(() => {
      const remaining = Math.max(0, end - serverNow());
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onExpired();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  const seconds = Math.ceil(left / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p class="countdown">
      <span aria-hidden="true">⏱ </span>
      {t('heldFor', { time: text })}
      <span class="visually-hidden" aria-live="polite">
        {seconds <= 60 && seconds > 55 ? t('heldFor', { time: text }) : ''}
      </span>
    </p>
  );
}

import { StepHeading } from './step_heading.jsx';

export function PartyStep({ restaurant, people, onChoose, t }) {
  const max = Math.min(restaurant.onlineBooking.maxPartySize, 20);
  const sizes = Array.from({ length: max }, (_, i) => i + 1);
  const phone = restaurant.phone ? ` (${restaurant.phone})` : '';
  return (
    <section aria-labelledby="party-heading">
      <StepHeading step={1} title={t('partyHeading')} t={t} />
      <ul class="choices" id="party-heading">
        {sizes.map((n) => (
          <li key={n}>
            <button type="button" aria-pressed={people === n} onClick={() => onChoose(n)}>
              {n === 1 ? t('guest') : t('guests', { n })}
            </button>
          </li>
        ))}
      </ul>
      <p class="muted">{t('largerParty', { n: max, phone })}</p>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { addDays, addMonths, firstOfMonth, formatDate, lastOfMonth, weekdayIndex, weekdayNames } from '../dates.js';
import { fetchDates } from '../public_api.js';
import { StepHeading } from './step_heading.jsx';

// A month of days: open and bookable ones can be chosen; the others say why
// not (closed, fully booked) in their accessible name and in the legend.
export function DateStep({ slug, restaurant, today, people, chosen, locale, onChoose, onBack, t }) {
  const lastBookable = addDays(today, restaurant.onlineBooking.maxDaysAhead);
  const [month, setMonth] = useState(firstOfMonth(chosen || today));
  const [days, setDays] = useState(null);
  const [problem, setProblem] = useState(null);

  useEffect(() => {
    const from = month < today ? today : month;
    const last = lastOfMonth(month);
    const to = last > lastBookable ? lastBookable : last;
    setDays(null);
    if (from > to) {
      setDays({ open: new Set(), bookable: new Set() });
      return;
    }
    Promise.all([fetchDates(slug, { fromDate: from, toDate: to }), fetchDates(slug, { fromDate: from, toDate: to, people })])
      .then(([open, bookable]) => setDays({ open: new Set(open), bookable: new Set(bookable) }))
      .catch((e) => setProblem(e.message));
  }, [month, people]);

  const first = month;
  const count = Number(lastOfMonth(month).slice(8));
  const blanks = weekdayIndex(first);
  const cells = Array.from({ length: count }, (_, i) => addDays(first, i));
  const canGoBack = month > firstOfMonth(today);
  const canGoOn = addMonths(month, 1) <= lastBookable;

  const status = (date) => {
    if (!days || date < today || date > lastBookable) return 'past';
    if (days.bookable.has(date)) return 'bookable';
    if (days.open.has(date)) return 'full';
    return 'closed';
  };
  const label = (date) => {
    const s = status(date);
    const words = formatDate(date, locale);
    if (s === 'bookable') return `${words}, ${t('available')}`;
    if (s === 'full') return `${words}, ${t('fullyBooked')}`;
    if (s === 'closed') return `${words}, ${t('closed')}`;
    return `${words}, ${t('notBookable')}`;
  };

  return (
    <section>
      <StepHeading step={2} title={t('dateHeading')} t={t} />
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="month-bar">
        <button type="button" onClick={() => setMonth(addMonths(month, -1))} disabled={!canGoBack}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t('previousMonth')}</span>
        </button>
        <h3 aria-live="polite">{formatDate(month, locale, 'month')}</h3>
        <button type="button" onClick={() => setMonth(addMonths(month, 1))} disabled={!canGoOn}>
          <span aria-hidden="true">›</span>
          <span class="visually-hidden">{t('nextMonth')}</span>
        </button>
      </div>
      <div class="calendar" aria-busy={days === null}>
        {weekdayNames(locale).map((name) => (
          <span class="weekday" aria-hidden="true" key={name}>
            {name}
          </span>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`blank${i}`} aria-hidden="true" />
        ))}
        {cells.map((date) => {
          const s = status(date);
          return (
            <button
              type="button"
              key={date}
              class={`day ${s}`}
              aria-label={label(date)}
              aria-pressed={chosen === date}
              disabled={s !== 'bookable'}
              onClick={() => onChoose(date)}
            >
              {Number(date.slice(8))}
            </button>
          );
        })}
      </div>
      <p class="legend muted">
        <span class="swatch bookable" aria-hidden="true" /> {t('available')} · <span class="swatch full" aria-hidden="true" />{' '}
        {t('fullyBooked')} · <span class="swatch closed" aria-hidden="true" /> {t('closed')}
      </p>
      <div class="actions">
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays, formatDate, formatTime, localDate } from '../booking/dates.js';
import { pickLanguage, translator } from '../booking/i18n.js';
import { calendarUrl, cancelManaged, changeManaged, fetchManaged, fetchTimes } from '../booking/public_api.js';
import { serverNow } from '../booking/server_clock.js';
import { StepHeading } from '../booking/steps/step_heading.jsx';

// "Friday 8 January 2027, 17:00" in the restaurant's zone, for an instant.
function formatInstant(instant, timeZone, locale) {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone,
  }).format(new Date(instant));
}

// Choosing a new date, party size and time, through the same availability
// the booking page uses; the server checks it all again when saving.
function ChangeForm({ booking, locale, busy, onSave, onClose, t }) {
  const restaurant = booking.restaurant;
  const today = localDate(new Date(serverNow()), restaurant.timezone);
  const [date, setDate] = useState(booking.date);
  const [people, setPeople] = useState(booking.people);
  const [services, setServices] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    setServices(null);
    setProblem(null);
    fetchTimes(restaurant.slug, date, people).then(setServices, (e) => setProblem(e.message));
  }, [date, people]);
  const max = Math.min(restaurant.onlineBooking.maxPartySize, 20);
  return (
    <section>
      <StepHeading title={t('changeBooking')} t={t} />
      <label for="people">{t('partyHeading')}</label>
      <select id="people" value={people} onChange={(e) => setPeople(Number(e.currentTarget.value))}>
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n === 1 ? t('guest') : t('guests', { n })}
          </option>
        ))}
      </select>
      <label for="date">{t('newDate')}</label>
      <input
        id="date"
        type="date"
        min={today}
        max={addDays(today, restaurant.onlineBooking.maxDaysAhead)}
        value={date}
        onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
      />
      <h3>{t('timeHeading')}</h3>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      {services === null && !problem ? <p class="loading">{t('loading')}</p> : null}
      {services && services.every((s) => s.availableTimes.length === 0) ? <p>{t('noTimes')}</p> : null}
      {(services || []).map((service) =>
        service.availableTimes.length ? (
          <div key={service._id}>
            <h4>{service.name}</h4>
            <ul class="choices times">
              {service.availableTimes.map((time) => (
                <li key={time}>
                  <button type="button" disabled={busy} onClick={() => onSave(date, time, people)}>
                    {formatTime(time, locale)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      <div class="actions">
        <button type="button" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

export function ManageApp({ token }) {
  const [booking, setBooking] = useState(null);
  const [problem, setProblem] = useState(null);
  const [mode, setMode] = useState('view'); // view | confirmCancel | change
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchManaged(token).then(setBooking, (e) => setProblem(e.message));
  }, [token]);

  const language = pickLanguage(null, navigator.languages, booking?.restaurant?.language);
  const t = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    if (booking) document.title = `${t('manageHeading')} – ${booking.restaurant.name}`;
  }, [language, booking]);

  if (problem) {
    return (
      <p class="error" role="alert">
        {problem}
      </p>
    );
  }
  if (!booking) return <p class="loading">{t('loading')}</p>;
  const restaurant = booking.restaurant;
  const phone = restaurant.phone || restaurant.name;

  async function act(request, message) {
    setBusy(true);
    setNotice(null);
    try {
      setBooking(await request());
      setMode('view');
      setNotice({ text: message, error: false });
    } catch (e) {
      setNotice({ text: e.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const people = booking.people === 1 ? t('guest') : t('guests', { n: booking.people });
  const canceled = booking.status === 'canceled';
  return (
    <>
      <header>
        <h1>{restaurant.name}</h1>
        <p class="muted">{[restaurant.address?.street, restaurant.address?.city].filter(Boolean).join(', ')}</p>
      </header>
      {notice ? (
        <p class={notice.error ? 'error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {mode === 'change' ? (
        <ChangeForm
          booking={booking}
          locale={language}
          busy={busy}
          t={t}
          onClose={() => setMode('view')}
          onSave={(date, time, size) => act(() => changeManaged(token, date, time, size), t('changedText'))}
        />
      ) : (
        <section>
          <StepHeading title={t('manageHeading')} t={t} />
          <p class="summary">
            {t('summary', { people, date: formatDate(booking.date, language), time: formatTime(booking.time, language) })}
          </p>
          <p>
            {t('statusLabel')}: <strong>{t(`statuses.${booking.status}`)}</strong>
          </p>
          {booking.guest?.name ? <p>{booking.guest.name}</p> : null}
          {!canceled && (booking.canCancel || booking.canChange) ? (
            <p class="muted">{t('cancelUntil', { when: formatInstant(booking.cancelUntil, restaurant.timezone, language) })}</p>
          ) : null}
          {!canceled && !booking.canCancel ? <p>{t('tooLate', { phone })}</p> : null}
          {mode === 'confirmCancel' ? (
            <div class="confirm" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">
                <strong>{t('cancelQuestion')}</strong>
              </p>
              <div class="actions">
                <button type="button" class="primary" disabled={busy} onClick={() => act(() => cancelManaged(token), t('canceledText'))}>
                  {t('cancelYes')}
                </button>
                <button type="button" onClick={() => setMode('view')}>
                  {t('keepBooking')}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              {!canceled && booking.canChange ? (
                <button type="button" onClick={() => setMode('change')}>
                  {t('changeBooking')}
                </button>
              ) : null}
              {!canceled && booking.canCancel ? (
                <button type="button" onClick={() => setMode('confirmCancel')}>
                  {t('cancelBooking')}
                </button>
              ) : null}
              {!canceled ? (
                <a class="button" href={calendarUrl(token)} download="booking.ics">
                  {t('addToCalendar')}
                </a>
              ) : null}
            </div>
          )}
        </section>
      )}
    </>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { localDate } from './dates.js';
import { pickLanguage, translator } from './i18n.js';
import { confirmBooking, fetchRestaurant, placeHold, releaseHold } from './public_api.js';
import { serverNow, syncServerClock } from './server_clock.js';

function readInlineRestaurant() {
  try {
    return JSON.parse(document.getElementById('restaurant-data')?.textContent || 'null');
  } catch {
    return null;
  }
}
import { DateStep } from './steps/date_step.jsx';
import { DetailsStep } from './steps/details_step.jsx';
import { DoneStep } from './steps/done_step.jsx';
import { PartyStep } from './steps/party_step.jsx';
import { TimeStep } from './steps/time_step.jsx';

// Reasons the server gives for a time that can no longer be held.
const TAKEN = new Set(['no_table', 'pacing_full', 'service_full', 'not_bookable']);
// API field names -> the form's.
const FORM_FIELD = { 'guest.name': 'name', 'guest.email': 'email', 'guest.phone': 'phone', consent: 'consent' };

// The booking flow: party size -> date -> time (the table is held) ->
// details -> done. Every answer comes from the public booking API.
export function BookingApp({ slug, requestedLanguage }) {
  const [restaurant, setRestaurant] = useState(null);
  const [problem, setProblem] = useState(null);
  const [step, setStep] = useState('party');
  const [people, setPeople] = useState(null);
  const [date, setDate] = useState(null);
  const [hold, setHold] = useState(null);
  const [service, setService] = useState(null);
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState({});
  const [booking, setBooking] = useState(null);
  const [email, setEmail] = useState('');

  useEffect(() => {
    // Written into the page by the server; asked for when it is not there.
    const inline = readInlineRestaurant();
    if (inline) {
      syncServerClock(inline.now);
      setRestaurant(inline);
    } else {
      fetchRestaurant(slug).then(setRestaurant, (e) => setProblem(e.message));
    }
  }, [slug]);

  const language = pickLanguage(requestedLanguage, navigator.languages, restaurant?.language);
  const t = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (restaurant) document.title = `${t('bookATable')} – ${restaurant.name}`;
  }, [restaurant, language]);

  if (problem) {
    return (
      <p class="error" role="alert">
        {problem}
      </p>
    );
  }
  if (!restaurant) return <p class="loading">{t('loading')}</p>;

  const today = localDate(new Date(serverNow()), restaurant.timezone);
  const header = (
    <header>
      <h1>{restaurant.name}</h1>
      <p class="muted">{[restaurant.address?.street, restaurant.address?.city].filter(Boolean).join(', ')}</p>
    </header>
  );
  if (!restaurant.onlineBooking.enabled) {
    return (
      <>
        {header}
        <p role="alert">
          {t('offline')} {restaurant.phone ? restaurant.phone : ''}
        </p>
      </>
    );
  }

  // The hold is let go before the times are asked for again, so the guest's
  // own table shows as free.
  const backToTimes = async (message) => {
    if (hold) await releaseHold(slug, hold._id);
    setHold(null);
    setNotice(message);
    setStep('time');
  };

  async function chooseTime(chosenService, time) {
    setBusy(true);
    setNotice(null);
    try {
      const placed = await placeHold(slug, date, time, people);
      setHold(placed);
      setService(chosenService);
      setServerErrors({});
      setStep('details');
    } catch (e) {
      setNotice(TAKEN.has(e.code) ? t('justTaken') : e.message);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(body, attempt = 0) {
    setBusy(true);
    try {
      const made = await confirmBooking(slug, body);
      setEmail(body.guest.email);
      setBooking(made);
      setHold(null);
      setStep('done');
    } catch (e) {
      if (e.status === 429 && e.retryAfter > 0 && e.retryAfter <= 10000 && attempt === 0) {
        // Confirmed faster than people type: the server asks to wait a moment.
        setTimeout(() => confirm(body, 1), e.retryAfter);
        return;
      }
      if (e.code === 'hold_expired' || e.code === 'hold_not_found' || (e.status === 404 && e.field === 'holdId')) {
        setHold(null);
        setNotice(t('holdExpired'));
        setStep('time');
      } else if (e.field && FORM_FIELD[e.field]) {
        setServerErrors({ [FORM_FIELD[e.field]]: e.message });
      } else {
        setServerErrors({ form: e.message || t('tryAgain') });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {header}
      {step === 'party' ? (
        <PartyStep
          restaurant={restaurant}
          people={people}
          t={t}
          onChoose={(n) => {
            setPeople(n);
            setStep('date');
          }}
        />
      ) : null}
      {step === 'date' ? (
        <DateStep
          slug={slug}
          restaurant={restaurant}
          today={today}
          people={people}
          chosen={date}
          locale={language}
          t={t}
          onBack={() => setStep('party')}
          onChoose={(d) => {
            setDate(d);
            setNotice(null);
            setStep('time');
          }}
        />
      ) : null}
      {step === 'time' ? (
        <TimeStep
          slug={slug}
          date={date}
          people={people}
          locale={language}
          notice={notice}
          busy={busy}
          t={t}
          onBack={() => setStep('date')}
          onChoose={chooseTime}
        />
      ) : null}
      {step === 'details' && hold ? (
        <DetailsStep
          hold={hold}
          service={service}
          people={people}
          locale={language}
          busy={busy}
          serverErrors={serverErrors}
          t={t}
          onConfirm={confirm}
          onExpired={() => backToTimes(t('holdExpired'))}
          onBack={() => backToTimes(null)}
        />
      ) : null}
      {step === 'done' && booking ? <DoneStep booking={booking} email={email} locale={language} t={t} /> : null}
    </>
  );
}

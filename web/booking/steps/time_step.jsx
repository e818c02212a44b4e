import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatTime } from '../dates.js';
import { fetchTimes } from '../public_api.js';
import { StepHeading } from './step_heading.jsx';

// The services of the chosen day with their free times; a time that cannot
// be booked stays visible, disabled, with the reason.
export function TimeStep({ slug, date, people, locale, notice, busy, onChoose, onBack, t }) {
  const [services, setServices] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    setServices(null);
    fetchTimes(slug, date, people).then(setServices, (e) => setProblem(e.message));
  }, [date, people, notice]);

  const reasonOf = (service, time) => service.unavailableReasons.find((r) => r.time === time)?.reason;
  const hasAny = services?.some((s) => s.availableTimes.length > 0);
  return (
    <section>
      <StepHeading step={3} title={t('timeHeading')} t={t} />
      <p class="muted">{formatDate(date, locale)}</p>
      {notice ? (
        <p class="error" role="alert">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      {services === null && !problem ? <p class="loading">{t('loading')}</p> : null}
      {services && !hasAny ? <p>{t('noTimes')}</p> : null}
      {(services || []).map((service) => {
        const times = [...service.availableTimes, ...service.unavailableTimes].sort();
        if (times.length === 0) return null;
        return (
          <div key={service._id}>
            <h3>{service.name}</h3>
            {service.note ? <p class="muted">{service.note}</p> : null}
            <ul class="choices times">
              {times.map((time) => {
                const reason = reasonOf(service, time);
                return (
                  <li key={time}>
                    <button
                      type="button"
                      class={reason ? 'unavailable' : ''}
                      disabled={Boolean(reason) || busy}
                      onClick={() => onChoose(service, time)}
                    >
                      {formatTime(time, locale)}
                      {reason ? <span class="reason"> – {t(`reasons.${reason}`)}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <div class="actions">
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

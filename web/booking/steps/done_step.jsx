import { formatDate, formatTime } from '../dates.js';
import { calendarUrl } from '../public_api.js';
import { StepHeading } from './step_heading.jsx';

export function DoneStep({ booking, email, locale, t }) {
  const manage = booking.manageUrl ? new URL(booking.manageUrl, location.origin).href : null;
  return (
    <section>
      <StepHeading title={booking.awaitsApproval ? t('requestedHeading') : t('confirmedHeading')} t={t} />
      <p class="summary">
        {t('summary', {
          people: booking.people === 1 ? t('guest') : t('guests', { n: booking.people }),
          date: formatDate(booking.date, locale),
          time: formatTime(booking.time, locale),
        })}
      </p>
      <p>{booking.awaitsApproval ? t('requestedText') : t('confirmedText', { email })}</p>
      <div class="actions">
        {booking.manageToken ? (
          <a class="button" href={calendarUrl(booking.manageToken)} download="booking.ics">
            {t('addToCalendar')}
          </a>
        ) : null}
        {manage ? (
          <a class="button" href={manage} target="_top">
            {t('manage')}
          </a>
        ) : null}
      </div>
    </section>
  );
}

// Dates as the restaurant counts them: "YYYY-MM-DD" strings for its local
// days (the API's dates), computed from instants in its time zone. The
// guest's own zone never enters: a guest in New York booking in Copenhagen
// sees Copenhagen's days and times.

// The restaurant's local date of an instant.
export function localDate(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const toUtc = (date) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const fromUtc = (utc) => utc.toISOString().slice(0, 10);

export const addDays = (date, days) => {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
};

export const firstOfMonth = (date) => `${date.slice(0, 7)}-01`;

export const addMonths = (date, months) => {
  const utc = toUtc(firstOfMonth(date));
  utc.setUTCMonth(utc.getUTCMonth() + months);
  return fromUtc(utc);
};

export const lastOfMonth = (date) => addDays(addMonths(date, 1), -1);

// 0 = Monday ... 6 = Sunday.
export const weekdayIndex = (date) => (toUtc(date).getUTCDay() + 6) % 7;

// A local date as words ("Friday 8 January 2027"), in the page's language.
// Formatted at noon UTC of that date in UTC, so no zone can shift the day.
export function formatDate(date, locale, style = 'long') {
  const options =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${date}T12:00:00Z`));
}

// "19:00" as the locale writes a time of day (en: 7:00 PM, da: 19.00, de: 19:00).
export function formatTime(time, locale) {
  const [h, m] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, h, m)),
  );
}

// Short weekday names, Monday first.
export function weekdayNames(locale) {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}

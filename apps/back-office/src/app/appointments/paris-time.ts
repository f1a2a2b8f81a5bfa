import {
  addDays,
  BUSINESS_TIME_ZONE,
  type CalendarDate,
  calendarDateInParis,
} from '@passerelle/shared/domain';

/** A Monday-to-Sunday week of the business calendar (Europe/Paris). */
export interface Week {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly days: readonly CalendarDate[];
}

/** Day of the week of a calendar date, 0 = Monday … 6 = Sunday (the date is a plain day, no zone). */
function isoWeekday(date: CalendarDate): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return (day + 6) % 7;
}

/** The week (Monday to Sunday) that holds `date`. */
export function weekOf(date: CalendarDate): Week {
  const from = addDays(date, -isoWeekday(date));
  const days = Array.from({ length: 7 }, (_, index) => addDays(from, index));
  return { from, to: days[6], days };
}

/** The week holding « today » in Paris, whatever the computer's time zone. */
export function currentWeek(now: Date = new Date()): Week {
  return weekOf(calendarDateInParis(now));
}

export function shiftWeek(week: Week, weeks: number): Week {
  return weekOf(addDays(week.from, 7 * weeks));
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Paris wall-clock minus UTC, in minutes, at this instant. */
function parisOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
  );
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which Paris clocks show `date` `time` (`HH:mm`), as an ISO string. */
export function parisInstant(date: CalendarDate, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const [year, month, day] = date.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Two passes: the offset is the one in force at the result, across a change of time too.
  let instant = asUtc - parisOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - parisOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

const DAY_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const SHORT_DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const TIME_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: BUSINESS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: BUSINESS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE_TIME_SECONDS_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: BUSINESS_TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** « mercredi 18 novembre » */
export function formatDay(date: CalendarDate): string {
  return DAY_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** « 18 novembre 2026 » */
export function formatDate(date: CalendarDate): string {
  return SHORT_DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** « 09:30 », Paris time. */
export function formatTime(instant: string): string {
  return TIME_FORMAT.format(new Date(instant));
}

/** « 18/11/2026 09:30 », Paris time; with `seconds`, « 18/11/2026 09:30:12 ». */
export function formatDateTime(instant: string, seconds = false): string {
  return (seconds ? DATE_TIME_SECONDS_FORMAT : DATE_TIME_FORMAT).format(new Date(instant));
}

/** The Paris calendar day of an instant. */
export function parisDay(instant: string): CalendarDate {
  return calendarDateInParis(new Date(instant));
}

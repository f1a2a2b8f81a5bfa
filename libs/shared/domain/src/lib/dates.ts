/**
 * Calendar rules (DOMAIN.md §4). A `CalendarDate` is `YYYY-MM-DD` in the business time zone,
 * Europe/Paris, whatever the server's zone.
 */
export type CalendarDate = string;

export const BUSINESS_TIME_ZONE = 'Europe/Paris';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parse(date: CalendarDate): Ymd {
  const match = CALENDAR_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

function format({ year, month, day }: Ymd): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` and a day that exists (no 31 April, no 29 February outside leap years). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The same day `months` months later (or earlier), clamped to the end of a shorter month. */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Validity of a demand: the same calendar day one year later (29 February → 28 February). */
export function oneYearAfter(date: CalendarDate): CalendarDate {
  return addMonthsClamped(date, 12);
}

/** The applicant is told this day: the same day of the previous month, clamped. */
export function oneMonthBefore(date: CalendarDate): CalendarDate {
  return addMonthsClamped(date, -1);
}

/** The reception commitment's deadline: the same day one month later, clamped. */
export function oneMonthAfter(date: CalendarDate): CalendarDate {
  return addMonthsClamped(date, 1);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parse(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** The calendar date of an instant in Europe/Paris. */
// en-CA formats as YYYY-MM-DD. Built once: a time-zone formatter is costly to create.
let parisDay: Intl.DateTimeFormat | undefined;

export function calendarDateInParis(instant: Date): CalendarDate {
  parisDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return parisDay.format(instant);
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `12/03/2026`: how a calendar date reads in French text (reasons, notices). */
export function frenchDate(date: CalendarDate): string {
  const { year, month, day } = parse(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/** Whole months from `from` to `to` (0 when `to` is earlier): a month counts once its day is reached. */
export function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  const a = parse(from);
  const b = parse(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonthsClamped(from, months) > to) months -= 1;
  return Math.max(0, months);
}

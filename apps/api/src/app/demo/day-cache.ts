import { type CalendarDate, addDays, oneMonthBefore, oneYearAfter } from '@passerelle/shared/domain';

/**
 * Calendar arithmetic for the generator, memoised: a million files make millions of date steps,
 * and parsing and formatting each one dominated the generator's time. The rules themselves stay
 * those of the shared `dates.ts` (`oneYearAfter`, `oneMonthBefore`, `addDays`).
 */
const MS_PER_DAY = 86_400_000;
const dates: (CalendarDate | undefined)[] = [];
const numbers = new Map<CalendarDate, number>();
const yearsAfter = new Map<CalendarDate, CalendarDate>();
const monthsBefore = new Map<CalendarDate, CalendarDate>();

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: CalendarDate): number {
  let day = numbers.get(date);
  if (day === undefined) {
    day = Math.round(
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
        MS_PER_DAY,
    );
    numbers.set(date, day);
  }
  return day;
}

const OFFSET = 40_000; // array index of day 0: covers 1860 onwards

export function dateOfDay(day: number): CalendarDate {
  let date = dates[day + OFFSET];
  if (date === undefined) {
    date = addDays('1970-01-01', day);
    dates[day + OFFSET] = date;
  }
  return date;
}

export function plusDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfDay(dayNumber(date) + days);
}

export function daysFrom(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function yearAfter(date: CalendarDate): CalendarDate {
  let result = yearsAfter.get(date);
  if (result === undefined) {
    result = oneYearAfter(date);
    yearsAfter.set(date, result);
  }
  return result;
}

export function monthBeforeOf(date: CalendarDate): CalendarDate {
  let result = monthsBefore.get(date);
  if (result === undefined) {
    result = oneMonthBefore(date);
    monthsBefore.set(date, result);
  }
  return result;
}

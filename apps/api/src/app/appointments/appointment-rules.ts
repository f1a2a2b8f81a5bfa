import { type CalendarDate, type FieldError, daysBetween, oneMonthAfter } from '@passerelle/shared/domain';

/** The walk-in calendar answers at most a quarter at a time. */
export const MAX_WALK_IN_DAYS = 92;

/** The reception commitment's deadline: the same day one month later, clamped (31 Jan → 28/29 Feb). */
export function receptionDeadline(requestedOn: CalendarDate): CalendarDate {
  return oneMonthAfter(requestedOn);
}

/** Problems with a `from`…`to` range of calendar dates (both included), if any. */
export function calendarRangeErrors(
  from: CalendarDate | undefined,
  to: CalendarDate | undefined,
  maxDays?: number,
): FieldError[] {
  if (!from || !to) return [];
  const days = daysBetween(from, to) + 1;
  if (days < 1) return [{ field: 'to', message: 'to cannot precede from' }];
  if (maxDays !== undefined && days > maxDays) {
    return [{ field: 'to', message: `the range covers at most ${maxDays} days` }];
  }
  return [];
}

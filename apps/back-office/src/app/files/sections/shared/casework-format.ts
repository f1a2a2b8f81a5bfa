import { calendarDateInParis } from '@passerelle/shared/domain';
import { frenchDate } from '../../file-format';

/** An instant of the API (`2026-03-12T13:05:00Z`) → its day in Paris, `12/03/2026`. */
export function frenchDay(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : frenchDate(calendarDateInParis(date));
}

import { type CalendarDate, type CommuneView, calendarDateInParis } from '@passerelle/shared/domain';

/** `2026-02-28` → `28/02/2026`, without going through a `Date` (no time zone to shift the day). */
export function frenchDate(date: CalendarDate | null | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** A datepicker's local day → `YYYY-MM-DD`. */
export function calendarDateOf(date: Date | null | undefined): CalendarDate | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today in Paris (the API's calendar), as the local day a datepicker shows, whatever the browser's zone. */
export function todayInParis(): Date {
  return dateOf(calendarDateInParis(new Date())) as Date;
}

/** `YYYY-MM-DD` → the local day a datepicker shows. */
export function dateOf(date: CalendarDate | null | undefined): Date | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function communeNames(communes: readonly CommuneView[]): ReadonlyMap<string, string> {
  return new Map(communes.map((commune) => [commune.inseeCode, commune.name]));
}

export function fullName(person: { lastName?: string; usageName?: string; firstNames?: string }): string {
  const last = person.usageName ? `${person.usageName} (${person.lastName ?? ''})` : (person.lastName ?? '');
  return [last.toUpperCase(), person.firstNames ?? ''].filter(Boolean).join(' ');
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const WHOLE_EUROS = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** `1450.5` → `1 450,50 €` (French separators); whole euros when the cents do not matter. */
export function euros(amount: number | null | undefined, whole = false): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  return whole || Number.isInteger(amount) ? WHOLE_EUROS.format(amount) : EUROS.format(amount);
}

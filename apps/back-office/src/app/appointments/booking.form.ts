import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** The lengths offered for an appointment, in minutes (the API accepts 5 to 480). */
export const APPOINTMENT_DURATIONS = [15, 30, 45, 60, 90, 120] as const;

/** `HH:mm` between 07:00 and 20:00, Paris time: the opening hours of the partners. */
export function officeHours(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) return null;
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return { time: true };
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < 7 * 60 || minutes > 20 * 60 ? { officeHours: true } : null;
}

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

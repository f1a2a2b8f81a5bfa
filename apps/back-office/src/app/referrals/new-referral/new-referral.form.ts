import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { type CalendarDate, calendarDateInParis, isCalendarDate } from '@passerelle/shared/domain';

/** The API's rule for phone numbers: digits, spaces, dots, dashes, brackets, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 .()-]{6,20}$/;

/** A real calendar day, not after today (Paris) and not before 1900. */
export function birthDateValidator(
  today: () => CalendarDate = () => calendarDateInParis(new Date()),
): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value;
    if (!value) return null;
    if (!isCalendarDate(value) || value < '1900-01-01') return { birthDate: true };
    if (value > today()) return { futureBirthDate: true };
    return null;
  };
}

export function phoneValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  return value && !PHONE_PATTERN.test(value) ? { phone: true } : null;
}

/** Spaces only count as nothing. */
export function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { required: true } : null;
}

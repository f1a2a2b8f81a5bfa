import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { SNE_NUMBER_PATTERN, calendarDateInParis } from '@passerelle/shared/domain';
import { calendarDateOf } from './file-format';

/** The API's rule for a phone number (`05 59 00 00 00`, `+33 6 …`). */
export const PHONE = /^\+?[0-9 .()-]{6,20}$/;

/** The API's rules for an e-mail address and a postcode. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const POSTCODE = /^[0-9]{5}$/;

/** The API's length limits of names. */
export const MAX_LAST_NAME = 100;
export const MAX_FIRST_NAMES = 150;

/** Letters of any language, spaces, hyphens and apostrophes. */
export function personName(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim() ?? '';
  return value === '' || /^[\p{L}][\p{L}\p{M}' ’.-]*$/u.test(value) ? null : { personName: true };
}

/**
 * A birth date (or any day that cannot be in the future) as the API accepts it: not after today in
 * Paris (the API's calendar, whatever the browser's time zone), not before 1900.
 */
export function pastBirthDate(control: AbstractControl<Date | null>): ValidationErrors | null {
  const day = calendarDateOf(control.value);
  if (day && day > calendarDateInParis(new Date())) return { future: true };
  return day && day < '1900-01-01' ? { tooOld: true } : null;
}

export function sneNumber(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value ?? '';
  return value === '' || SNE_NUMBER_PATTERN.test(value) ? null : { sneNumber: true };
}

/** A whole number (rooms, occupants, a year). */
export function integer(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || value === undefined || Number.isInteger(value) ? null : { integer: true };
}

/** An amount in euros: at most two decimals, as the API takes it. */
export function cents(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || value === undefined || Number.isInteger(Math.round(value * 100 * 1e6) / 1e6)
    ? null
    : { cents: true };
}

const frenchNumber = (value: unknown) =>
  typeof value === 'number' ? new Intl.NumberFormat('fr-FR').format(value) : String(value);

/** The French sentence for a control's first error. */
export function errorMessage(control: AbstractControl, label: string): string {
  const errors = control.errors ?? {};
  if (errors['required']) return `${label} : ce champ est obligatoire.`;
  if (errors['matDatepickerParse']) return `${label} : date invalide, au format JJ/MM/AAAA.`;
  if (errors['future']) return `${label} : la date ne peut pas être dans le futur.`;
  if (errors['tooOld']) return `${label} : la date doit être postérieure au 1er janvier 1900.`;
  if (errors['personName']) return `${label} : lettres, espaces, tirets et apostrophes seulement.`;
  if (errors['sneNumber']) return `${label} : de 13 à 20 chiffres ou lettres majuscules.`;
  if (errors['pattern']) return `${label} : format invalide.`;
  if (errors['maxlength']) return `${label} : trop long.`;
  if (errors['email']) return `${label} : adresse électronique invalide.`;
  if (errors['min']) return `${label} : doit être au moins ${frenchNumber(errors['min'].min)}.`;
  if (errors['max']) return `${label} : doit être au plus ${frenchNumber(errors['max'].max)}.`;
  if (errors['integer']) return `${label} : nombre entier attendu.`;
  if (errors['cents']) return `${label} : deux décimales au plus.`;
  return `${label} : valeur invalide.`;
}

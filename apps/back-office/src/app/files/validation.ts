import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { SNE_NUMBER_PATTERN } from '@passerelle/shared/domain';
import { calendarDateOf } from './file-format';

/** The API's rule for a phone number (`05 59 00 00 00`, `+33 6 …`). */
export const PHONE = /^\+?[0-9 .()-]{6,20}$/;

/** The API's length limits of names. */
export const MAX_LAST_NAME = 100;
export const MAX_FIRST_NAMES = 150;

/** Letters of any language, spaces, hyphens and apostrophes. */
export function personName(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim() ?? '';
  return value === '' || /^[\p{L}][\p{L}\p{M}' ’.-]*$/u.test(value) ? null : { personName: true };
}

/** A birth date as the API accepts it: not in the future, not before 1900. */
export function pastBirthDate(control: AbstractControl<Date | null>): ValidationErrors | null {
  const day = calendarDateOf(control.value);
  const today = calendarDateOf(new Date());
  if (day && today && day > today) return { future: true };
  return day && day < '1900-01-01' ? { tooOld: true } : null;
}

export function sneNumber(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value ?? '';
  return value === '' || SNE_NUMBER_PATTERN.test(value) ? null : { sneNumber: true };
}

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
  if (errors['min'] || errors['max']) return `${label} : valeur hors limites.`;
  return `${label} : valeur invalide.`;
}

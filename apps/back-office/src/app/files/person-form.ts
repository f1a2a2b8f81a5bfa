import { type FormControl, type FormGroup, type NonNullableFormBuilder, Validators } from '@angular/forms';
import type {
  Civility,
  Contact,
  FamilySituation,
  Nationality,
  Person,
  ProfessionalSituation,
} from '@passerelle/shared/domain';
import { calendarDateOf, dateOf } from './file-format';
import {
  EMAIL,
  MAX_FIRST_NAMES,
  MAX_LAST_NAME,
  pastBirthDate,
  personName,
  PHONE,
  POSTCODE,
} from './validation';

/** The fields of a person (CERFA 14069 « Vous » / « Votre conjoint ou co-demandeur »). */
export type PersonForm = FormGroup<{
  civility: FormControl<Civility | ''>;
  lastName: FormControl<string>;
  usageName: FormControl<string>;
  firstNames: FormControl<string>;
  birthDate: FormControl<Date | null>;
  birthPlace: FormControl<string>;
  nationality: FormControl<Nationality | ''>;
  permitKind: FormControl<string>;
  permitValidUntil: FormControl<Date | null>;
  familySituation: FormControl<FamilySituation | ''>;
  professionalSituation: FormControl<ProfessionalSituation | ''>;
  employerInseeCode: FormControl<string>;
}>;
export type PersonFormValue = ReturnType<PersonForm['getRawValue']>;
export type PersonField = keyof PersonForm['controls'];

/** The names and birth date every file has; the rest of CERFA's questions on the person. */
export function personForm(fb: NonNullableFormBuilder): PersonForm {
  return fb.group({
    civility: fb.control<Civility | ''>(''),
    lastName: ['', [Validators.required, Validators.maxLength(MAX_LAST_NAME), personName]],
    usageName: ['', [Validators.maxLength(MAX_LAST_NAME), personName]],
    firstNames: ['', [Validators.required, Validators.maxLength(MAX_FIRST_NAMES), personName]],
    birthDate: fb.control<Date | null>(null, [Validators.required, pastBirthDate]),
    birthPlace: ['', Validators.maxLength(120)],
    nationality: fb.control<Nationality | ''>(''),
    permitKind: ['', Validators.maxLength(80)],
    permitValidUntil: fb.control<Date | null>(null),
    familySituation: fb.control<FamilySituation | ''>(''),
    professionalSituation: fb.control<ProfessionalSituation | ''>(''),
    employerInseeCode: [''],
  });
}

/** A person of the file → the form's value. */
export function personFormValue(person: Partial<Person> | null | undefined): PersonFormValue {
  return {
    civility: person?.civility ?? '',
    lastName: person?.lastName ?? '',
    usageName: person?.usageName ?? '',
    firstNames: person?.firstNames ?? '',
    birthDate: dateOf(person?.birthDate),
    birthPlace: person?.birthPlace ?? '',
    nationality: person?.nationality ?? '',
    permitKind: person?.residencePermit?.kind ?? '',
    permitValidUntil: dateOf(person?.residencePermit?.validUntil),
    familySituation: person?.familySituation ?? '',
    professionalSituation: person?.professionalSituation ?? '',
    employerInseeCode: person?.employerInseeCode ?? '',
  };
}

/**
 * The form's value → the person, for a merge patch: an empty field is `''` (cleared if it was set,
 * left out otherwise). Only the `fields` the form shows are given, so that hidden ones never write.
 */
export function personContent(
  value: PersonFormValue,
  fields: readonly PersonField[] = PERSON_FIELDS,
): Record<string, unknown> {
  const all: Record<PersonField, [string, unknown]> = {
    civility: ['civility', value.civility],
    lastName: ['lastName', value.lastName.trim()],
    usageName: ['usageName', value.usageName.trim()],
    firstNames: ['firstNames', value.firstNames.trim()],
    birthDate: ['birthDate', calendarDateOf(value.birthDate) ?? ''],
    birthPlace: ['birthPlace', value.birthPlace.trim()],
    nationality: ['nationality', value.nationality],
    permitKind: [
      'residencePermit',
      { kind: value.permitKind.trim(), validUntil: calendarDateOf(value.permitValidUntil) ?? '' },
    ],
    permitValidUntil: ['residencePermit', undefined],
    familySituation: ['familySituation', value.familySituation],
    professionalSituation: ['professionalSituation', value.professionalSituation],
    employerInseeCode: ['employerInseeCode', value.employerInseeCode],
  };
  const content: Record<string, unknown> = {};
  for (const field of fields) {
    const [key, item] = all[field];
    if (item !== undefined) content[key] = item;
  }
  return content;
}

export const PERSON_FIELDS: readonly PersonField[] = [
  'civility',
  'lastName',
  'usageName',
  'firstNames',
  'birthDate',
  'birthPlace',
  'nationality',
  'permitKind',
  'permitValidUntil',
  'familySituation',
  'professionalSituation',
  'employerInseeCode',
];

/** What a relay clerk may write of the applicant (ACCESS.md): identity, not the situation. */
export const IDENTITY_FIELDS: readonly PersonField[] = [
  'civility',
  'lastName',
  'usageName',
  'firstNames',
  'birthDate',
  'birthPlace',
  'nationality',
];

/** The API path of a person field (`permitKind` → `residencePermit.kind`). */
export function personFieldPath(prefix: string, field: PersonField): string {
  if (field === 'permitKind') return `${prefix}.residencePermit.kind`;
  if (field === 'permitValidUntil') return `${prefix}.residencePermit.validUntil`;
  return `${prefix}.${field}`;
}

export type ContactForm = FormGroup<{
  phone: FormControl<string>;
  email: FormControl<string>;
  line1: FormControl<string>;
  postcode: FormControl<string>;
  city: FormControl<string>;
  inseeCode: FormControl<string>;
}>;
export type ContactFormValue = ReturnType<ContactForm['getRawValue']>;
export type ContactField = keyof ContactForm['controls'];

export function contactForm(fb: NonNullableFormBuilder): ContactForm {
  return fb.group({
    phone: ['', Validators.pattern(PHONE)],
    email: ['', [Validators.pattern(EMAIL), Validators.maxLength(254)]],
    line1: ['', Validators.maxLength(200)],
    postcode: ['', Validators.pattern(POSTCODE)],
    city: ['', Validators.maxLength(100)],
    inseeCode: [''],
  });
}

export function contactFormValue(contact: Contact | null | undefined): ContactFormValue {
  return {
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    line1: contact?.address?.line1 ?? '',
    postcode: contact?.address?.postcode ?? '',
    city: contact?.address?.city ?? '',
    inseeCode: contact?.inseeCode ?? '',
  };
}

/** The form's value → the contact, for a merge patch (`''` for an empty field). */
export function contactContent(value: ContactFormValue) {
  return {
    phone: value.phone.trim(),
    email: value.email.trim(),
    inseeCode: value.inseeCode,
    address: { line1: value.line1.trim(), postcode: value.postcode.trim(), city: value.city.trim() },
  };
}

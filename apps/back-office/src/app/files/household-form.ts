import {
  type AbstractControl,
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type {
  ApplicantFileView,
  CoApplicantRelationship,
  HouseholdMember,
  HouseholdMemberKind,
  HouseholdRelationship,
} from '@passerelle/shared/domain';
import { calendarDateOf, dateOf } from './file-format';
import { withoutEmpty } from './merge-patch';
import { personContent, personForm, type PersonForm, personFormValue } from './person-form';
import { MAX_FIRST_NAMES, MAX_LAST_NAME, pastBirthDate, personName } from './validation';

export type MemberForm = FormGroup<{
  /** Server-made; kept so that resources still point at the person. */
  id: FormControl<string>;
  kind: FormControl<HouseholdMemberKind>;
  relationship: FormControl<HouseholdRelationship | ''>;
  lastName: FormControl<string>;
  firstNames: FormControl<string>;
  birthDate: FormControl<Date | null>;
  expectedBirthDate: FormControl<Date | null>;
  sharedCustody: FormControl<boolean>;
}>;
export type MemberFormValue = ReturnType<MemberForm['getRawValue']>;

export type HouseholdForm = FormGroup<{
  hasCoApplicant: FormControl<boolean>;
  relationship: FormControl<CoApplicantRelationship | ''>;
  coApplicant: PersonForm;
  members: FormArray<MemberForm>;
}>;
export type HouseholdFormValue = ReturnType<HouseholdForm['getRawValue']>;

/** An expected child has an expected birth date (the API requires it). */
function expectedBirthDate(control: AbstractControl<Date | null>): ValidationErrors | null {
  const kind = control.parent?.get('kind')?.value as HouseholdMemberKind | undefined;
  return kind === 'EXPECTED_CHILD' && !control.value ? { required: true } : null;
}

export function memberForm(fb: NonNullableFormBuilder, member: Partial<HouseholdMember> = {}): MemberForm {
  const form: MemberForm = fb.group({
    id: [member.id ?? ''],
    kind: fb.control<HouseholdMemberKind>(member.kind ?? 'DEPENDANT'),
    relationship: fb.control<HouseholdRelationship | ''>(member.relationship ?? ''),
    lastName: [member.lastName ?? '', [Validators.maxLength(MAX_LAST_NAME), personName]],
    firstNames: [member.firstNames ?? '', [Validators.maxLength(MAX_FIRST_NAMES), personName]],
    birthDate: fb.control<Date | null>(dateOf(member.birthDate), pastBirthDate),
    expectedBirthDate: fb.control<Date | null>(dateOf(member.expectedBirthDate), expectedBirthDate),
    sharedCustody: [member.sharedCustody ?? false],
  });
  // Its validator reads the kind, which the control only reaches once in the group.
  form.controls.expectedBirthDate.updateValueAndValidity();
  return form;
}

export function householdForm(fb: NonNullableFormBuilder): HouseholdForm {
  return fb.group({
    hasCoApplicant: [false],
    relationship: fb.control<CoApplicantRelationship | ''>(''),
    coApplicant: personForm(fb),
    members: fb.array<MemberForm>([]),
  });
}

/** Puts the file's household into the form (the co-applicant's fields are off without one). */
export function fillHousehold(
  fb: NonNullableFormBuilder,
  form: HouseholdForm,
  file: ApplicantFileView | null,
): void {
  const co = file?.coApplicant;
  form.controls.members.clear();
  for (const member of file?.householdMembers ?? []) form.controls.members.push(memberForm(fb, member));
  form.reset({
    hasCoApplicant: !!co,
    relationship: co?.relationship ?? '',
    coApplicant: personFormValue(co),
  });
  setCoApplicant(form, !!co);
}

/** Turns the co-applicant's fields on or off: off, they are neither checked nor sent. */
export function setCoApplicant(form: HouseholdForm, present: boolean): void {
  for (const control of [form.controls.coApplicant, form.controls.relationship]) {
    if (present) control.enable();
    else control.disable();
  }
}

/** One line of the household, whole (a merge patch replaces the list). */
export function memberContent(value: MemberFormValue): HouseholdMember {
  const expected = value.kind === 'EXPECTED_CHILD';
  return withoutEmpty({
    id: value.id,
    kind: value.kind,
    relationship: value.relationship,
    lastName: value.lastName.trim(),
    firstNames: value.firstNames.trim(),
    birthDate: expected ? undefined : calendarDateOf(value.birthDate),
    expectedBirthDate: expected ? calendarDateOf(value.expectedBirthDate) : undefined,
    sharedCustody: value.sharedCustody ? true : undefined,
  }) as HouseholdMember;
}

/** The form's value → the content to diff with the file: no co-applicant is `null` (removed). */
export function householdContent(value: HouseholdFormValue): {
  coApplicant: Record<string, unknown> | null;
  householdMembers: HouseholdMember[];
} {
  return {
    coApplicant: value.hasCoApplicant
      ? { ...personContent(value.coApplicant), relationship: value.relationship }
      : null,
    householdMembers: value.members.map(memberContent),
  };
}

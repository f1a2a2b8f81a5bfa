import type { FormControl, FormGroup, NonNullableFormBuilder } from '@angular/forms';
import { Validators } from '@angular/forms';
import type { CreateReferralRequest, FragilityCriterion } from '@passerelle/shared/domain';
import { notBlank } from './new-referral/new-referral.form';

/** What a referral asks, wherever it is made: the new-referral page and the file's « Orienter ». */
export type ReferralForm = FormGroup<{
  toOrganizationId: FormControl<string>;
  reason: FormControl<string>;
  suspectedCriteria: FormControl<FragilityCriterion[]>;
  appointmentWish: FormControl<string>;
}>;

export type ReferralField = keyof ReferralForm['controls'];

export const REFERRAL_FIELDS: readonly ReferralField[] = [
  'toOrganizationId',
  'reason',
  'suspectedCriteria',
  'appointmentWish',
];

export function referralForm(fb: NonNullableFormBuilder): ReferralForm {
  return fb.group({
    toOrganizationId: ['', Validators.required],
    reason: ['', [Validators.required, notBlank, Validators.maxLength(2000)]],
    suspectedCriteria: fb.control<FragilityCriterion[]>([]),
    appointmentWish: ['', Validators.maxLength(500)],
  });
}

/** The request but for the file it is about: trimmed, the optional parts left out when empty. */
export function referralContent(
  value: ReturnType<ReferralForm['getRawValue']>,
): Omit<CreateReferralRequest, 'applicantFileId'> {
  const wish = value.appointmentWish.trim();
  return {
    toOrganizationId: value.toOrganizationId,
    reason: value.reason.trim(),
    ...(value.suspectedCriteria.length ? { suspectedCriteria: value.suspectedCriteria } : {}),
    ...(wish ? { appointmentWish: wish } : {}),
  };
}

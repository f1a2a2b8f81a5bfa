import { type FormControl, type FormGroup, type NonNullableFormBuilder, Validators } from '@angular/forms';
import type {
  ApplicantFileView,
  CurrentHousing,
  HousingStatus,
  HousingType,
  Reason,
} from '@passerelle/shared/domain';
import { calendarDateOf, dateOf } from './file-format';
import { cents, integer, pastBirthDate } from './validation';

/** The API's bound of the housing's amounts (file-content.dto.ts). */
export const MAX_HOUSING_AMOUNT = 20_000;

export type HousingForm = FormGroup<{
  status: FormControl<HousingStatus | ''>;
  type: FormControl<HousingType | ''>;
  rooms: FormControl<number | null>;
  surface: FormControl<number | null>;
  occupants: FormControl<number | null>;
  monthlyRent: FormControl<number | null>;
  monthlyCharges: FormControl<number | null>;
  housingBenefit: FormControl<number | null>;
  landlordName: FormControl<string>;
  since: FormControl<Date | null>;
  reasons: FormControl<Reason[]>;
  mainReason: FormControl<Reason | ''>;
  reasonComment: FormControl<string>;
}>;
export type HousingFormValue = ReturnType<HousingForm['getRawValue']>;

const count = (max: number) => [Validators.min(0), Validators.max(max), integer];
const amount = [Validators.min(0), Validators.max(MAX_HOUSING_AMOUNT), cents];

export function housingForm(fb: NonNullableFormBuilder): HousingForm {
  return fb.group({
    status: fb.control<HousingStatus | ''>(''),
    type: fb.control<HousingType | ''>(''),
    rooms: fb.control<number | null>(null, count(30)),
    surface: fb.control<number | null>(null, count(1000)),
    occupants: fb.control<number | null>(null, count(50)),
    monthlyRent: fb.control<number | null>(null, amount),
    monthlyCharges: fb.control<number | null>(null, amount),
    housingBenefit: fb.control<number | null>(null, amount),
    landlordName: ['', Validators.maxLength(120)],
    // A past day, as a birth date is.
    since: fb.control<Date | null>(null, pastBirthDate),
    reasons: fb.control<Reason[]>([]),
    mainReason: fb.control<Reason | ''>(''),
    reasonComment: ['', Validators.maxLength(1000)],
  });
}

export function housingFormValue(file: ApplicantFileView | null): HousingFormValue {
  const housing = file?.currentHousing;
  return {
    status: housing?.status ?? '',
    type: housing?.type ?? '',
    rooms: housing?.rooms ?? null,
    surface: housing?.surface ?? null,
    occupants: housing?.occupants ?? null,
    monthlyRent: housing?.monthlyRent ?? null,
    monthlyCharges: housing?.monthlyCharges ?? null,
    housingBenefit: housing?.housingBenefit ?? null,
    landlordName: housing?.landlordName ?? '',
    since: dateOf(housing?.since),
    reasons: file?.reasons?.codes ?? [],
    mainReason: file?.reasons?.main ?? '',
    reasonComment: file?.reasons?.comment ?? '',
  };
}

/** The main reason is one of the reasons: when it is no longer, it goes; a single reason is the main one. */
export function mainReasonAfter(reasons: readonly Reason[], main: Reason | ''): Reason | '' {
  if (reasons.length === 1) return reasons[0];
  return main && reasons.includes(main) ? main : '';
}

/**
 * The form's value → the content to diff with the file (`''`/`null`: cleared if it was set). The
 * reasons go as a whole: without any reason there are none (`null`), as the API needs `codes`.
 */
export function housingContent(value: HousingFormValue): {
  currentHousing: Record<keyof CurrentHousing, unknown>;
  reasons: { codes: Reason[]; main: Reason | ''; comment: string } | null;
} {
  return {
    currentHousing: {
      status: value.status,
      type: value.type,
      rooms: value.rooms,
      surface: value.surface,
      occupants: value.occupants,
      monthlyRent: value.monthlyRent,
      monthlyCharges: value.monthlyCharges,
      housingBenefit: value.housingBenefit,
      landlordName: value.landlordName.trim(),
      since: calendarDateOf(value.since) ?? '',
    },
    reasons:
      value.reasons.length === 0
        ? null
        : {
            codes: value.reasons,
            main: mainReasonAfter(value.reasons, value.mainReason),
            comment: value.reasonComment.trim(),
          },
  };
}

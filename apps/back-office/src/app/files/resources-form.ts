import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import type {
  ApplicantFileView,
  Income,
  IncomeType,
  PersonRef,
  ReferenceTaxIncome,
  Resources,
} from '@passerelle/shared/domain';
import { fullName, todayInParis } from './file-format';
import { cents, integer } from './validation';

/** The API's bounds (file-content.dto.ts). */
export const MAX_MONTHLY_INCOME = 1_000_000;
export const MAX_TAX_INCOME = 10_000_000;

/** Someone of the household a resource can belong to. */
export interface HouseholdPerson {
  readonly ref: PersonRef;
  readonly label: string;
}

/** The applicant, the co-applicant and the members already born, as the file holds them. */
export function householdPeople(file: ApplicantFileView | null): HouseholdPerson[] {
  const people: HouseholdPerson[] = [
    { ref: 'APPLICANT', label: `Demandeur${file?.applicant ? ` (${fullName(file.applicant)})` : ''}` },
  ];
  if (file?.coApplicant) {
    people.push({ ref: 'CO_APPLICANT', label: `Co-demandeur (${fullName(file.coApplicant)})` });
  }
  (file?.householdMembers ?? []).forEach((member, index) => {
    if (!member.id || member.kind === 'EXPECTED_CHILD') return;
    const name = [member.firstNames, member.lastName].filter(Boolean).join(' ');
    people.push({ ref: member.id, label: name || `Personne n° ${index + 1} du ménage` });
  });
  return people;
}

/** The name of whom a resource belongs to, for the file page. */
export function personRefLabel(file: ApplicantFileView | null, ref: PersonRef): string {
  return householdPeople(file).find((person) => person.ref === ref)?.label ?? 'Personne retirée du ménage';
}

export type IncomeForm = FormGroup<{
  person: FormControl<PersonRef>;
  type: FormControl<IncomeType | ''>;
  monthlyAmount: FormControl<number | null>;
}>;

export type TaxIncomeForm = FormGroup<{
  person: FormControl<PersonRef>;
  year: FormControl<number | null>;
  amount: FormControl<number | null>;
}>;

export type ResourcesForm = FormGroup<{
  incomes: FormArray<IncomeForm>;
  taxIncomes: FormArray<TaxIncomeForm>;
}>;
export type ResourcesFormValue = ReturnType<ResourcesForm['getRawValue']>;

export function incomeForm(fb: NonNullableFormBuilder, income: Partial<Income> = {}): IncomeForm {
  return fb.group({
    person: [income.person ?? 'APPLICANT', Validators.required],
    type: fb.control<IncomeType | ''>(income.type ?? '', Validators.required),
    monthlyAmount: fb.control<number | null>(income.monthlyAmount ?? null, [
      Validators.required,
      Validators.min(0),
      Validators.max(MAX_MONTHLY_INCOME),
      cents,
    ]),
  });
}

export function taxIncomeForm(
  fb: NonNullableFormBuilder,
  person: PersonRef,
  tax: Partial<ReferenceTaxIncome> = {},
  year = todayInParis().getFullYear() - 2,
): TaxIncomeForm {
  return fb.group({
    person: [person],
    year: fb.control<number | null>(tax.year ?? year, [
      Validators.required,
      Validators.min(2000),
      Validators.max(2100),
      integer,
    ]),
    amount: fb.control<number | null>(tax.amount ?? null, [
      Validators.min(0),
      Validators.max(MAX_TAX_INCOME),
      cents,
    ]),
  });
}

export function resourcesForm(fb: NonNullableFormBuilder): ResourcesForm {
  return fb.group({ incomes: fb.array<IncomeForm>([]), taxIncomes: fb.array<TaxIncomeForm>([]) });
}

/**
 * Puts the file's resources into the form: every income, and one reference tax income per person of
 * the household (the latest year the file has for that person, else N-2). Returns the tax incomes
 * the form has no line for (another year, a person since removed): they are sent back unchanged.
 */
export function fillResources(
  fb: NonNullableFormBuilder,
  form: ResourcesForm,
  file: ApplicantFileView | null,
  people: readonly HouseholdPerson[],
  today = todayInParis(),
): ReferenceTaxIncome[] {
  const { incomes, taxIncomes } = form.controls;
  incomes.clear();
  taxIncomes.clear();
  for (const income of file?.resources?.incomes ?? []) incomes.push(incomeForm(fb, income));
  const all = file?.resources?.referenceTaxIncomes ?? [];
  const shown = new Set<ReferenceTaxIncome>();
  for (const person of people) {
    const latest = all
      .filter((tax) => tax.person === person.ref)
      .reduce<
        ReferenceTaxIncome | undefined
      >((best, tax) => (!best || tax.year > best.year ? tax : best), undefined);
    if (latest) shown.add(latest);
    taxIncomes.push(taxIncomeForm(fb, person.ref, latest, today.getFullYear() - 2));
  }
  form.markAsPristine();
  return all.filter((tax) => !shown.has(tax));
}

/** The form's value → the resources (lists are sent whole); a tax income left empty is none. */
export function resourcesContent(
  value: ResourcesFormValue,
  kept: readonly ReferenceTaxIncome[] = [],
): Required<Pick<Resources, 'incomes' | 'referenceTaxIncomes'>> {
  return {
    incomes: value.incomes.map((income) => ({
      person: income.person,
      type: income.type as IncomeType,
      monthlyAmount: income.monthlyAmount ?? 0,
    })),
    referenceTaxIncomes: [
      ...value.taxIncomes
        .filter((tax) => tax.amount !== null && tax.year !== null)
        .map((tax) => ({ person: tax.person, year: tax.year as number, amount: tax.amount as number })),
      ...kept,
    ],
  };
}

/** The household's monthly resources, all people together. */
export function monthlyTotal(value: ResourcesFormValue): number {
  return value.incomes.reduce((total, income) => total + (income.monthlyAmount ?? 0), 0);
}

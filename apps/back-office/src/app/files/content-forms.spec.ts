import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { fillHousehold, householdContent, householdForm, memberForm, setCoApplicant } from './household-form';
import { housingContent, housingForm, housingFormValue, mainReasonAfter } from './housing-form';
import { buildMergePatch } from './merge-patch';
import { IDENTITY_FIELDS, personContent, personForm, personFormValue } from './person-form';
import {
  fillResources,
  householdPeople,
  incomeForm,
  resourcesContent,
  resourcesForm,
} from './resources-form';

const MEMBER = '0b7f5c1e-3f3a-4c7e-9b1d-2a6e8f4c1d20';

function file(content: Partial<ApplicantFileView> = {}): ApplicantFileView {
  return {
    id: 'f1',
    status: 'CONTACT',
    version: 1,
    applicant: { lastName: 'Dupré', firstNames: 'Hélène', birthDate: '1980-02-29' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...content,
  };
}

let fb: NonNullableFormBuilder;
beforeEach(() => {
  fb = TestBed.inject(NonNullableFormBuilder);
});

describe('person form', () => {
  it('round-trips a person and patches only what changed', () => {
    const before = file({
      applicant: {
        lastName: 'Dupré',
        firstNames: 'Hélène',
        birthDate: '1980-02-29',
        nationality: 'NON_EU',
        residencePermit: { kind: 'Carte de résident', validUntil: '2030-01-31' },
      },
    });
    const form = personForm(fb);
    form.setValue(personFormValue(before.applicant));
    expect(buildMergePatch(before, { applicant: personContent(form.getRawValue()) })).toEqual({});

    form.patchValue({ civility: 'MRS', permitValidUntil: new Date(2031, 5, 30), birthPlace: ' Pau ' });
    expect(buildMergePatch(before, { applicant: personContent(form.getRawValue()) })).toEqual({
      applicant: { civility: 'MRS', birthPlace: 'Pau', residencePermit: { validUntil: '2031-06-30' } },
    });
  });

  it('leaves out the fields a relay clerk may not write', () => {
    const form = personForm(fb);
    form.setValue(personFormValue({ lastName: 'A', firstNames: 'B', birthDate: '1990-01-01' }));
    form.patchValue({ familySituation: 'SINGLE', professionalSituation: 'RETIRED' });
    expect(Object.keys(personContent(form.getRawValue(), IDENTITY_FIELDS))).not.toContain('familySituation');
  });
});

describe('household form', () => {
  const before = file({
    coApplicant: { lastName: 'Martin', firstNames: 'Paul', birthDate: '1979-04-02', relationship: 'SPOUSE' },
    householdMembers: [
      { id: MEMBER, kind: 'DEPENDANT', relationship: 'CHILD', firstNames: 'Léa', birthDate: '2015-09-01' },
    ],
  });

  it('changes nothing when nothing is changed', () => {
    const form = householdForm(fb);
    fillHousehold(fb, form, before);
    expect(buildMergePatch(before, householdContent(form.getRawValue()))).toEqual({});
  });

  it('adds an expected child and keeps the ids of the others', () => {
    const form = householdForm(fb);
    fillHousehold(fb, form, before);
    form.controls.members.push(memberForm(fb, { kind: 'EXPECTED_CHILD' }));
    expect(form.controls.members.at(1).controls.expectedBirthDate.hasError('required')).toBe(true);
    form.controls.members
      .at(1)
      .patchValue({ expectedBirthDate: new Date(2026, 8, 15), birthDate: new Date(2020, 0, 1) });
    expect(buildMergePatch(before, householdContent(form.getRawValue()))).toEqual({
      householdMembers: [
        { id: MEMBER, kind: 'DEPENDANT', relationship: 'CHILD', firstNames: 'Léa', birthDate: '2015-09-01' },
        { kind: 'EXPECTED_CHILD', expectedBirthDate: '2026-09-15' },
      ],
    });
  });

  it('removes the co-applicant with null, and adds one without its empty fields', () => {
    const form = householdForm(fb);
    fillHousehold(fb, form, before);
    form.controls.hasCoApplicant.setValue(false);
    setCoApplicant(form, false);
    expect(form.valid).toBe(true);
    expect(buildMergePatch(before, householdContent(form.getRawValue()))).toEqual({ coApplicant: null });

    const alone = file();
    fillHousehold(fb, form, alone);
    expect(form.controls.coApplicant.disabled).toBe(true);
    form.controls.hasCoApplicant.setValue(true);
    setCoApplicant(form, true);
    expect(form.valid).toBe(false);
    form.patchValue({
      relationship: 'PACS_PARTNER',
      coApplicant: { lastName: 'Martin', firstNames: 'Paul', birthDate: new Date(1979, 3, 2) },
    });
    expect(buildMergePatch(alone, householdContent(form.getRawValue()))).toEqual({
      coApplicant: {
        lastName: 'Martin',
        firstNames: 'Paul',
        birthDate: '1979-04-02',
        relationship: 'PACS_PARTNER',
      },
    });
  });
});

describe('resources form', () => {
  const before = file({
    coApplicant: { lastName: 'Martin', firstNames: 'Paul', birthDate: '1979-04-02' },
    householdMembers: [
      { id: MEMBER, kind: 'OTHER_MEMBER', firstNames: 'Jeanne', lastName: 'Dupré' },
      { id: 'e5a1c3f0-0000-4000-8000-000000000000', kind: 'EXPECTED_CHILD', expectedBirthDate: '2026-09-01' },
    ],
    resources: {
      incomes: [{ person: 'APPLICANT', type: 'SALARY', monthlyAmount: 1450.5 }],
      referenceTaxIncomes: [
        { person: 'APPLICANT', year: 2023, amount: 15000 },
        { person: 'APPLICANT', year: 2024, amount: 16000 },
      ],
    },
  });

  it('offers the people of the household, not the child to be born', () => {
    expect(householdPeople(before).map((person) => person.ref)).toEqual([
      'APPLICANT',
      'CO_APPLICANT',
      MEMBER,
    ]);
    expect(householdPeople(before)[2].label).toBe('Jeanne Dupré');
  });

  it('has one tax income line per person, keeps the other years, and changes nothing untouched', () => {
    const form = resourcesForm(fb);
    const kept = fillResources(fb, form, before, householdPeople(before), new Date(2026, 4, 1));
    expect(form.controls.taxIncomes.getRawValue()).toEqual([
      { person: 'APPLICANT', year: 2024, amount: 16000 },
      { person: 'CO_APPLICANT', year: 2024, amount: null },
      { person: MEMBER, year: 2024, amount: null },
    ]);
    expect(kept).toEqual([{ person: 'APPLICANT', year: 2023, amount: 15000 }]);
    const patch = buildMergePatch(before, { resources: resourcesContent(form.getRawValue(), kept) });
    // Same tax incomes, in another order: a list is compared whole, so it is sent again.
    expect(patch).toEqual({
      resources: {
        referenceTaxIncomes: [
          { person: 'APPLICANT', year: 2024, amount: 16000 },
          { person: 'APPLICANT', year: 2023, amount: 15000 },
        ],
      },
    });
  });

  it('sends the incomes whole, per person and type', () => {
    const form = resourcesForm(fb);
    const kept = fillResources(fb, form, before, householdPeople(before), new Date(2026, 4, 1));
    form.controls.incomes.push(
      incomeForm(fb, { person: 'CO_APPLICANT', type: 'PENSION', monthlyAmount: 980 }),
    );
    form.controls.taxIncomes.at(1).patchValue({ amount: 12000 });
    const content = resourcesContent(form.getRawValue(), kept);
    expect(content.incomes).toEqual([
      { person: 'APPLICANT', type: 'SALARY', monthlyAmount: 1450.5 },
      { person: 'CO_APPLICANT', type: 'PENSION', monthlyAmount: 980 },
    ]);
    expect(content.referenceTaxIncomes).toContainEqual({ person: 'CO_APPLICANT', year: 2024, amount: 12000 });
  });

  it('refuses an amount with more than two decimals', () => {
    const income = incomeForm(fb, { person: 'APPLICANT', type: 'SALARY', monthlyAmount: 10.555 });
    expect(income.controls.monthlyAmount.hasError('cents')).toBe(true);
  });
});

describe('housing form', () => {
  const before = file({
    currentHousing: { status: 'PRIVATE_TENANT', monthlyRent: 620, rooms: 3 },
    reasons: { codes: ['TOO_EXPENSIVE', 'TOO_SMALL'], main: 'TOO_SMALL' },
  });

  it('changes nothing when nothing is changed', () => {
    const form = housingForm(fb);
    form.reset(housingFormValue(before));
    expect(buildMergePatch(before, housingContent(form.getRawValue()))).toEqual({});
  });

  it('clears emptied fields and keeps the main reason among the reasons', () => {
    const form = housingForm(fb);
    form.reset(housingFormValue(before));
    form.patchValue({
      rooms: null,
      monthlyCharges: 45.5,
      since: new Date(2019, 6, 1),
      reasons: ['TOO_EXPENSIVE'],
    });
    form.patchValue({ mainReason: mainReasonAfter(['TOO_EXPENSIVE'], 'TOO_SMALL') });
    expect(buildMergePatch(before, housingContent(form.getRawValue()))).toEqual({
      currentHousing: { rooms: null, monthlyCharges: 45.5, since: '2019-07-01' },
      reasons: { codes: ['TOO_EXPENSIVE'], main: 'TOO_EXPENSIVE' },
    });
  });

  it('removes the reasons when none is left, and never creates reasons without codes', () => {
    const form = housingForm(fb);
    form.reset(housingFormValue(before));
    form.patchValue({ reasons: [], mainReason: '' });
    expect(buildMergePatch(before, housingContent(form.getRawValue()))).toEqual({ reasons: null });
    expect(mainReasonAfter(['A' as never, 'B' as never], 'C' as never)).toBe('');
  });

  it('refuses a fractional number of rooms', () => {
    const form = housingForm(fb);
    form.patchValue({ rooms: 2.5 });
    expect(form.controls.rooms.hasError('integer')).toBe(true);
  });
});

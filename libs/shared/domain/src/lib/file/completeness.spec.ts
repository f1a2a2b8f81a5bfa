import { completenessOf } from './completeness';
import type { ApplicantFileContent } from './file';

const minimal: ApplicantFileContent = {
  applicant: { lastName: 'Lacoste', firstNames: 'Sylvie', birthDate: '1985-04-12' },
};

const registrable: ApplicantFileContent = {
  applicant: { ...minimal.applicant, civility: 'MRS', nationality: 'FRENCH', familySituation: 'SINGLE' },
  contact: { phone: '0559000000', address: { line1: '3 rue du Gave', postcode: '64300', city: 'Orthez' } },
  currentHousing: { status: 'HOSTED_BY_FAMILY' },
  reasons: { codes: ['HOSTED'], main: 'HOSTED' },
  wishes: { typologies: ['T2'], communes: ['64430'] },
};

describe('completeness', () => {
  it('lists what a minimal file lacks for registration', () => {
    const result = completenessOf(minimal);
    expect(result.registration.complete).toBe(false);
    expect(result.registration.missing.map((m) => m.field)).toEqual([
      'applicant.civility',
      'applicant.nationality',
      'applicant.familySituation',
      'contact.address',
      'contact.phone',
      'currentHousing.status',
      'reasons.main',
      'wishes.typologies',
      'wishes.communes',
    ]);
    expect(result.registration.missing[0]?.label).toBe('Civilité du demandeur');
  });

  it('asks for a residence permit only outside the EU', () => {
    const nonEu = { ...registrable, applicant: { ...registrable.applicant, nationality: 'NON_EU' as const } };
    expect(completenessOf(nonEu).registration.missing.map((m) => m.field)).toEqual([
      'applicant.residencePermit',
    ]);
    const withPermit = {
      ...nonEu,
      applicant: { ...nonEu.applicant, residencePermit: { validUntil: '2030-01-01' } },
    };
    expect(completenessOf(withPermit).registration.complete).toBe(true);
  });

  it('needs resources and tax incomes of both applicants to instruct', () => {
    const result = completenessOf({
      ...registrable,
      coApplicant: { lastName: 'Lacoste', firstNames: 'Jean', birthDate: '1983-01-01' },
    });
    expect(result.registration.complete).toBe(true);
    expect(result.instruction.missing.map((m) => m.field)).toEqual([
      'applicant.professionalSituation',
      'coApplicant.identity',
      'resources.incomes',
      'resources.referenceTaxIncomes',
      'resources.referenceTaxIncomes.coApplicant',
      'currentHousing.occupants',
    ]);
  });
});

import { DOCUMENT_TYPES } from './codes';
import { type HeldDocument, documentChecklist } from './document-checklist';
import type { ApplicantFileContent } from './file/file';

const TODAY = '2026-06-15';
const MEMBER_ADULT = '0b8f3c1e-1d7a-4c55-9a39-5f2a1d0c7e11';
const MEMBER_CHILD = '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

const single: ApplicantFileContent = {
  applicant: { lastName: 'Lacoste', firstNames: 'Sylvie', birthDate: '1985-04-12', nationality: 'FRENCH' },
};

const household: ApplicantFileContent = {
  applicant: {
    ...single.applicant,
    familySituation: 'PACS',
    professionalSituation: 'EMPLOYED_PERMANENT',
  },
  coApplicant: {
    lastName: 'Etcheverry',
    firstNames: 'Iñaki',
    birthDate: '1983-09-30',
    nationality: 'NON_EU',
    relationship: 'PACS_PARTNER',
    professionalSituation: 'SELF_EMPLOYED',
  },
  householdMembers: [
    {
      id: MEMBER_ADULT,
      kind: 'OTHER_MEMBER',
      firstNames: 'Élodie',
      lastName: 'Lacoste',
      birthDate: '2006-01-02',
    },
    { id: MEMBER_CHILD, kind: 'DEPENDANT', firstNames: 'Léa', lastName: 'Lacoste', birthDate: '2015-05-05' },
    { kind: 'EXPECTED_CHILD', expectedBirthDate: '2026-10-01' },
  ],
  resources: {
    incomes: [
      { person: 'APPLICANT', type: 'SALARY', monthlyAmount: 1500 },
      { person: 'CO_APPLICANT', type: 'RSA', monthlyAmount: 600 },
      { person: MEMBER_ADULT, type: 'SALARY', monthlyAmount: 400 },
    ],
  },
  currentHousing: { status: 'PRIVATE_TENANT' },
  reasons: { codes: ['EVICTION_PROCEDURE', 'HEALTH', 'TOO_SMALL'], main: 'EVICTION_PROCEDURE' },
};

const doc = (overrides: Partial<HeldDocument> & Pick<HeldDocument, 'type'>): HeldDocument => ({
  id: `doc-${overrides.type}-${overrides.personId ?? 'none'}`,
  personId: 'APPLICANT',
  status: 'PROVIDED',
  validUntil: null,
  ...overrides,
});

describe('documentChecklist', () => {
  it('asks a single applicant for the identity document at registration and the tax notice at instruction', () => {
    const lines = documentChecklist(single, [], TODAY);
    expect(lines).toEqual([
      {
        key: 'IDENTITY:APPLICANT',
        stage: 'REGISTRATION',
        types: ['IDENTITY'],
        personId: 'APPLICANT',
        label: "Pièce d'identité du demandeur",
        mandatory: true,
        satisfied: false,
      },
      {
        key: 'TAX_NOTICE:APPLICANT',
        stage: 'INSTRUCTION',
        types: ['TAX_NOTICE'],
        personId: 'APPLICANT',
        label: "Avis d'imposition du demandeur",
        mandatory: true,
        satisfied: false,
      },
    ]);
  });

  it('asks a non-EU applicant for the residence permit, and either when the nationality is unknown', () => {
    const nonEu = documentChecklist({ applicant: { ...single.applicant, nationality: 'NON_EU' } }, [], TODAY);
    expect(nonEu[0]).toMatchObject({ types: ['RESIDENCE_PERMIT'], label: 'Titre de séjour du demandeur' });
    const unknown = documentChecklist(
      { applicant: { lastName: 'A', firstNames: 'B', birthDate: '1990-01-01' } },
      [],
      TODAY,
    );
    expect(unknown[0]).toMatchObject({
      types: ['IDENTITY', 'RESIDENCE_PERMIT'],
      label: "Pièce d'identité ou titre de séjour du demandeur",
    });
  });

  it('asks instruction documents of every adult to be housed, and situation lines the file calls for', () => {
    const lines = documentChecklist(household, [], TODAY);
    const byKey = new Map(lines.map((line) => [line.key, line]));
    expect(lines.filter((l) => l.stage !== 'SITUATION').map((l) => l.key)).toEqual([
      'IDENTITY:APPLICANT',
      'IDENTITY:CO_APPLICANT',
      `IDENTITY:${MEMBER_ADULT}`,
      'TAX_NOTICE:APPLICANT',
      'TAX_NOTICE:CO_APPLICANT',
      `TAX_NOTICE:${MEMBER_ADULT}`,
    ]);
    expect(byKey.get('IDENTITY:CO_APPLICANT')?.label).toBe('Titre de séjour du co-demandeur');
    expect(byKey.get(`IDENTITY:${MEMBER_ADULT}`)?.label).toBe(
      "Pièce d'identité ou titre de séjour d'Élodie Lacoste",
    );
    expect(byKey.get(`TAX_NOTICE:${MEMBER_ADULT}`)?.label).toBe("Avis d'imposition d'Élodie Lacoste");
    // The child and the expected child are not adults.
    expect(lines.some((l) => l.personId === MEMBER_CHILD)).toBe(false);

    const situation = lines.filter((l) => l.stage === 'SITUATION');
    expect(situation.every((l) => !l.mandatory)).toBe(true);
    expect(situation.map((l) => l.key).sort()).toEqual(
      [
        'EVICTION_DOCUMENT',
        'MEDICAL_CERTIFICATE',
        'LEASE_OR_RENT_RECEIPTS',
        'PACS_CERTIFICATE',
        'FAMILY_RECORD',
        'PREGNANCY_CERTIFICATE',
        'EMPLOYMENT_CONTRACT:APPLICANT',
        'SELF_EMPLOYED_ACCOUNTS:CO_APPLICANT',
        'PAYSLIPS:APPLICANT',
        'BENEFIT_NOTICE:CO_APPLICANT',
        `PAYSLIPS:${MEMBER_ADULT}`,
      ].sort(),
    );
    expect(byKey.get('PAYSLIPS:APPLICANT')?.label).toBe('Bulletins de salaire du demandeur');
    expect(byKey.get('FAMILY_RECORD')?.types).toEqual(['FAMILY_RECORD', 'BIRTH_CERTIFICATE']);
    expect(byKey.get('EVICTION_DOCUMENT')?.label).toBe("Jugement ou commandement d'expulsion");
  });

  it('maps each reason to its proof and never asks anything outside the limitative list', () => {
    const cases: [NonNullable<ApplicantFileContent['reasons']>['codes'][number], string][] = [
      ['EVICTION_PROCEDURE', 'EVICTION_DOCUMENT'],
      ['FAMILY_VIOLENCE', 'PROTECTION_ORDER'],
      ['DISABILITY', 'DISABILITY_DECISION'],
      ['HEALTH', 'MEDICAL_CERTIFICATE'],
      ['UNHEALTHY_HOUSING', 'UNFIT_HOUSING_DOCUMENT'],
      ['NON_DECENT_HOUSING', 'UNFIT_HOUSING_DOCUMENT'],
      ['SEPARATION', 'SEPARATION_DECISION'],
      ['HOSTED', 'HOSTING_CERTIFICATE'],
    ];
    for (const [reason, type] of cases) {
      const lines = documentChecklist({ ...single, reasons: { codes: [reason], main: reason } }, [], TODAY);
      expect({ reason, keys: lines.map((l) => l.key) }).toEqual({
        reason,
        keys: ['IDENTITY:APPLICANT', 'TAX_NOTICE:APPLICANT', type],
      });
    }
    const everything = documentChecklist(
      {
        ...household,
        reasons: {
          codes: ['WITHOUT_HOUSING', 'TOO_EXPENSIVE', 'CLOSER_TO_WORK', 'DEMOLITION', 'OTHER'],
        },
        currentHousing: { status: 'HOSTED_BY_THIRD_PARTY' },
      },
      [],
      TODAY,
    );
    for (const line of everything) {
      for (const type of line.types) expect(DOCUMENT_TYPES).toContain(type);
    }
    // Reasons without a proof of their own ask nothing more; a line is asked once.
    expect(new Set(everything.map((l) => l.key)).size).toBe(everything.length);
    expect(everything.map((l) => l.key)).toEqual(
      expect.arrayContaining(['DOMICILIATION_CERTIFICATE', 'OTHER_REASON_PROOF', 'HOSTING_CERTIFICATE']),
    );
  });

  it('is satisfied by a provided or verified document of the person, still valid; never asked again', () => {
    const held = [
      doc({ id: 'id-verified', type: 'IDENTITY', status: 'VERIFIED', validUntil: '2030-01-01' }),
      doc({ id: 'tax-co', type: 'TAX_NOTICE', personId: 'CO_APPLICANT' }),
      doc({ id: 'permit-co', type: 'RESIDENCE_PERMIT', personId: 'CO_APPLICANT', validUntil: TODAY }),
      doc({ id: 'eviction', type: 'EVICTION_DOCUMENT', personId: null }),
    ];
    const lines = documentChecklist(household, held, TODAY);
    const byKey = new Map(lines.map((line) => [line.key, line]));
    expect(byKey.get('IDENTITY:APPLICANT')).toMatchObject({ satisfied: true, documentId: 'id-verified' });
    expect(byKey.get('TAX_NOTICE:CO_APPLICANT')).toMatchObject({ satisfied: true, documentId: 'tax-co' });
    // Valid until today is still valid.
    expect(byKey.get('IDENTITY:CO_APPLICANT')).toMatchObject({ satisfied: true, documentId: 'permit-co' });
    expect(byKey.get('EVICTION_DOCUMENT')).toMatchObject({ satisfied: true, documentId: 'eviction' });
    // The applicant's tax notice does not answer the co-applicant's line, and vice versa.
    expect(byKey.get('TAX_NOTICE:APPLICANT')?.satisfied).toBe(false);
    expect(byKey.get('TAX_NOTICE:APPLICANT')?.documentId).toBeUndefined();
  });

  it('is not satisfied by an expired, unusable, out-of-scope or obsolete document, nor one of another type', () => {
    for (const held of [
      doc({ type: 'IDENTITY', status: 'VERIFIED', validUntil: '2026-06-14' }),
      doc({ type: 'IDENTITY', status: 'UNUSABLE' }),
      doc({ type: 'IDENTITY', status: 'OUT_OF_SCOPE' }),
      doc({ type: 'IDENTITY', status: 'OBSOLETE' }),
      doc({ type: 'RESIDENCE_PERMIT', status: 'VERIFIED' }),
      doc({ type: 'IDENTITY', personId: 'CO_APPLICANT' }),
    ]) {
      const [line] = documentChecklist(single, [held], TODAY);
      expect({ held, satisfied: line?.satisfied }).toEqual({ held, satisfied: false });
    }
  });

  it('prefers a verified document, and takes a document that names no one for the applicant’s', () => {
    const lines = documentChecklist(
      single,
      [
        doc({ id: 'provided', type: 'IDENTITY', personId: null }),
        doc({ id: 'verified', type: 'IDENTITY', status: 'VERIFIED' }),
      ],
      TODAY,
    );
    expect(lines[0]).toMatchObject({ satisfied: true, documentId: 'verified' });
    const unnamed = documentChecklist(
      single,
      [doc({ id: 'unnamed', type: 'IDENTITY', personId: null })],
      TODAY,
    );
    expect(unnamed[0]).toMatchObject({ satisfied: true, documentId: 'unnamed' });
  });

  it('counts adults from the birth date, and names a member without names by position', () => {
    const content: ApplicantFileContent = {
      ...single,
      householdMembers: [
        { id: MEMBER_ADULT, kind: 'DEPENDANT', birthDate: '2008-06-15' },
        { id: MEMBER_CHILD, kind: 'DEPENDANT', birthDate: '2008-06-16' },
        { kind: 'OTHER_MEMBER' },
      ],
    };
    const lines = documentChecklist(content, [], TODAY);
    expect(lines.find((l) => l.key === `TAX_NOTICE:${MEMBER_ADULT}`)?.label).toBe(
      "Avis d'imposition de la personne à loger n° 1",
    );
    expect(lines.some((l) => l.key.endsWith(MEMBER_CHILD))).toBe(false);
    // A member without id is asked for, but nothing can answer the line until it has one.
    const unnamed = lines.find((l) => l.key === 'TAX_NOTICE:MEMBER_3');
    expect(unnamed).toMatchObject({ satisfied: false });
    expect(unnamed?.personId).toBeUndefined();
  });
});

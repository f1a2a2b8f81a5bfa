import type { ApplicantFileContent } from '../file/file';
import type { CotationGrid } from './cotation-codes';
import { EXAMPLE_GRID } from './example-grid';
import { type Cotation, type CotationFacts, gridFor, scoreDemand } from './score';

const TODAY = '2026-06-15';
const applicant = { lastName: 'Lacoste', firstNames: 'Sylvie', birthDate: '1985-04-12' };

const facts = (content: Partial<ApplicantFileContent>, more: Partial<CotationFacts> = {}): CotationFacts => ({
  content: { applicant, ...content },
  seniorityDate: TODAY,
  flags: [],
  documents: [],
  refusals: [],
  ...more,
});

/** The rule every cotation keeps: the counted lines add up to the score. */
function expectConsistent(cotation: Cotation): void {
  const counted = cotation.criteria.filter((l) => l.counted);
  expect(counted.reduce((sum, l) => sum + l.points, 0)).toBe(cotation.score);
  expect(cotation.provisional).toBe(counted.some((l) => l.provisional));
}

const grid = (overrides: Partial<CotationGrid>): CotationGrid => ({
  version: 'test-1',
  kind: 'DEMAND',
  label: 'Grille de test',
  categories: [],
  criteria: [],
  seniority: { pointsPerMonth: 0 },
  ...overrides,
});

const sharedHome = grid({
  categories: [{ code: 'HOUSING', label: 'Situation de logement', mode: 'HIGHEST' }],
  criteria: [
    {
      code: 'LIVING_WITH_PARENTS',
      label: 'Vit chez ses parents',
      category: 'HOUSING',
      points: 1,
      rests: { fact: 'REASON', reason: 'LEAVING_PARENTS' },
    },
    {
      code: 'LEAVING_SHARED_HOME',
      label: 'Quitte un logement partagé',
      category: 'HOUSING',
      points: 2,
      rests: { fact: 'REASON', reason: 'HOSTED' },
    },
  ],
});

describe('scoreDemand', () => {
  it('adds up the points of a SUM category', () => {
    const cotation = scoreDemand(
      EXAMPLE_GRID,
      facts({
        householdMembers: [{ kind: 'DEPENDANT', relationship: 'CHILD', firstNames: 'Léa' }],
        currentHousing: { status: 'PRIVATE_TENANT', monthlyRent: 650, monthlyCharges: 50 },
        resources: { incomes: [{ person: 'APPLICANT', type: 'SALARY', monthlyAmount: 1500 }] },
      }),
      TODAY,
    );
    expect(cotation.criteria.map((l) => [l.code, l.points, l.counted])).toEqual([
      ['SINGLE_PARENT', 5, true],
      ['RENT_BURDEN', 10, true],
    ]);
    expect(cotation.score).toBe(15);
    expect(cotation.gridVersion).toBe('exemple-1');
    expect(cotation.criteria[1].reason).toBe(
      "Taux d'effort excessif : taux d'effort de 46,7 % (à partir de 40 %)",
    );
    expectConsistent(cotation);
  });

  it('counts only the highest criterion of a HIGHEST category, the others listed as not counted', () => {
    // Paris's shape: leaving a shared home +2 beats living with parents +1.
    const cotation = scoreDemand(
      sharedHome,
      facts({ reasons: { codes: ['LEAVING_PARENTS', 'HOSTED'] } }),
      TODAY,
    );
    expect(cotation.score).toBe(2);
    expect(cotation.criteria.map((l) => [l.code, l.points, l.counted])).toEqual([
      ['LIVING_WITH_PARENTS', 1, false],
      ['LEAVING_SHARED_HOME', 2, true],
    ]);
    expect(cotation.criteria[0].reason).toContain(
      'non compté : « Quitte un logement partagé » compte davantage',
    );
    expectConsistent(cotation);
  });

  it('between equal criteria of a HIGHEST category, counts a certain one before a provisional one', () => {
    const tie = grid({
      categories: [{ code: 'HOUSING', label: 'Logement', mode: 'HIGHEST' }],
      criteria: [
        {
          code: 'EVICTION',
          label: "Menacé d'expulsion",
          category: 'HOUSING',
          points: 20,
          rests: { fact: 'REASON', reason: 'EVICTION_PROCEDURE' },
          proof: 'EVICTION_DOCUMENT',
        },
        {
          code: 'HOMELESS',
          label: 'Sans abri',
          category: 'HOUSING',
          points: 20,
          rests: { fact: 'HOUSING_STATUS', status: 'HOMELESS' },
        },
      ],
    });
    const cotation = scoreDemand(
      tie,
      facts({ reasons: { codes: ['EVICTION_PROCEDURE'] }, currentHousing: { status: 'HOMELESS' } }),
      TODAY,
    );
    expect(cotation.criteria.map((l) => [l.code, l.counted])).toEqual([
      ['EVICTION', false],
      ['HOMELESS', true],
    ]);
    expect(cotation.provisional).toBe(false);
    expectConsistent(cotation);
  });

  it('caps a SUM category with a line that says what the cap took off', () => {
    const capped = grid({
      categories: [{ code: 'FAMILY', label: 'Situation familiale', mode: 'SUM', maxPoints: 6 }],
      criteria: [
        {
          code: 'SINGLE_PARENT',
          label: 'Parent isolé',
          category: 'FAMILY',
          points: 5,
          rests: { fact: 'SINGLE_PARENT' },
        },
        {
          code: 'SEPARATION',
          label: 'Séparation',
          category: 'FAMILY',
          points: 3,
          rests: { fact: 'REASON', reason: 'SEPARATION' },
        },
      ],
    });
    const content = {
      householdMembers: [{ kind: 'DEPENDANT' as const, relationship: 'CHILD' as const }],
      reasons: { codes: ['SEPARATION' as const] },
    };
    const cotation = scoreDemand(capped, facts(content), TODAY);
    expect(cotation.score).toBe(6);
    expect(cotation.criteria.at(-1)).toEqual({
      code: 'CATEGORY_CAP:FAMILY',
      label: 'Plafond de la catégorie Situation familiale',
      points: -2,
      provisional: false,
      counted: true,
      reason: 'La catégorie Situation familiale donne au plus 6 points',
    });
    expectConsistent(cotation);
    // Under the cap, no line.
    const under = scoreDemand(capped, facts({ reasons: { codes: ['SEPARATION'] } }), TODAY);
    expect(under.criteria.map((l) => l.code)).toEqual(['SEPARATION']);
  });

  it('gives seniority points per whole month of waiting, up to the cap', () => {
    const monthly = grid({ seniority: { pointsPerMonth: 2, maxPoints: 30 } });
    // 14 months and 30 days: the fifteenth month is not reached.
    const young = scoreDemand(monthly, facts({}, { seniorityDate: '2025-03-16' }), TODAY);
    expect(young.criteria).toEqual([
      {
        code: 'SENIORITY',
        label: 'Ancienneté de la demande',
        points: 28,
        provisional: false,
        counted: true,
        reason: "14 mois d'ancienneté depuis le 16/03/2025",
      },
    ]);
    expect(scoreDemand(monthly, facts({}, { seniorityDate: '2025-03-15' }), TODAY).score).toBe(30);
    const old = scoreDemand(monthly, facts({}, { seniorityDate: '2020-01-10' }), TODAY);
    expect(old.score).toBe(30);
    expect(old.criteria[0].reason).toBe("77 mois d'ancienneté depuis le 10/01/2020, plafonnée à 30 points");
    // A month of seniority reached at the end of a shorter month: 31 January → 28 February.
    expect(scoreDemand(monthly, facts({}, { seniorityDate: '2026-01-31' }), '2026-02-28').score).toBe(2);
    expect(scoreDemand(monthly, facts({}, { seniorityDate: '2026-01-31' }), '2026-02-27').score).toBe(0);
  });

  it('leaves a criterion provisional until its document is verified, then gives the document and its date', () => {
    const eviction = { reasons: { codes: ['EVICTION_PROCEDURE' as const] } };
    const declared = scoreDemand(EXAMPLE_GRID, facts(eviction), TODAY);
    expect(declared.criteria).toEqual([
      {
        code: 'EVICTION',
        label: "Menacé d'expulsion",
        points: 20,
        provisional: true,
        counted: true,
        reason:
          "Menacé d'expulsion : motif déclaré ; jugement ou commandement d'expulsion attendu (provisoire)",
      },
    ]);
    expect(declared).toMatchObject({ score: 20, provisional: true });

    const provided = scoreDemand(
      EXAMPLE_GRID,
      facts(eviction, {
        documents: [{ type: 'EVICTION_DOCUMENT', status: 'PROVIDED', issuedOn: '2026-03-12' }],
      }),
      TODAY,
    );
    expect(provided.provisional).toBe(true);
    expect(provided.criteria[0].reason).toContain('fourni, en attente de vérification (provisoire)');

    const verified = scoreDemand(
      EXAMPLE_GRID,
      facts(eviction, {
        documents: [
          { type: 'EVICTION_DOCUMENT', status: 'UNUSABLE', issuedOn: '2026-05-01' },
          { type: 'EVICTION_DOCUMENT', status: 'VERIFIED', issuedOn: '2026-03-12' },
        ],
      }),
      TODAY,
    );
    expect(verified).toMatchObject({ score: 20, provisional: false });
    expect(verified.criteria[0]).toMatchObject({
      provisional: false,
      reason: "Menacé d'expulsion : jugement ou commandement d'expulsion du 12/03/2026",
    });
  });

  it('counts a priority only once a social worker confirmed its flag', () => {
    const suspected = scoreDemand(
      EXAMPLE_GRID,
      facts({}, { flags: [{ criterion: 'DALO_DECISION', status: 'SUSPECTED' }] }),
      TODAY,
    );
    expect(suspected.score).toBe(0);
    const confirmed = scoreDemand(
      EXAMPLE_GRID,
      facts(
        {},
        {
          flags: [
            { criterion: 'DALO_DECISION', status: 'CONFIRMED', decidedOn: '2026-04-02' },
            { criterion: 'WITHOUT_HOUSING', status: 'CONFIRMED', decidedOn: '2026-04-02' },
            { criterion: 'DISABILITY', status: 'RULED_OUT', decidedOn: '2026-04-02' },
          ],
        },
      ),
      TODAY,
    );
    expect(confirmed.criteria.map((l) => [l.code, l.points, l.counted])).toEqual([
      ['PRIORITY_DALO_DECISION', 40, true],
      ['PRIORITY_WITHOUT_HOUSING', 25, false],
    ]);
    expect(confirmed.criteria[0].reason).toBe(
      'Décision favorable DALO : confirmé par un travailleur social le 02/04/2026',
    );
    expect(confirmed.score).toBe(40);
    expectConsistent(confirmed);
  });

  it('takes the refusal penalty off for its months after an adapted offer was refused', () => {
    const penalised = grid({ seniority: { pointsPerMonth: 1 }, refusalPenalty: { points: 10, months: 6 } });
    const base = { seniorityDate: '2024-06-15' }; // 24 months
    const within = scoreDemand(
      penalised,
      facts({}, { ...base, refusals: [{ refusedOn: '2025-12-16' }] }),
      TODAY,
    );
    expect(within.score).toBe(14);
    expect(within.criteria.at(-1)).toEqual({
      code: 'REFUSAL_PENALTY',
      label: 'Refus d’une proposition adaptée',
      points: -10,
      provisional: false,
      counted: true,
      reason: 'Proposition adaptée refusée le 16/12/2025, pénalité levée le 16/06/2026',
    });
    expectConsistent(within);
    // Six months on, the penalty is lifted; a refusal dated after today does not count yet.
    expect(
      scoreDemand(penalised, facts({}, { ...base, refusals: [{ refusedOn: '2025-12-15' }] }), TODAY).score,
    ).toBe(24);
    expect(
      scoreDemand(penalised, facts({}, { ...base, refusals: [{ refusedOn: '2026-06-16' }] }), TODAY).score,
    ).toBe(24);
    // Each refusal in its period costs the points.
    const twice = scoreDemand(
      penalised,
      facts({}, { ...base, refusals: [{ refusedOn: '2026-05-01' }, { refusedOn: '2026-01-10' }] }),
      TODAY,
    );
    expect(twice.score).toBe(4);
    expect(twice.criteria.filter((l) => l.code === 'REFUSAL_PENALTY').map((l) => l.reason)).toEqual([
      'Proposition adaptée refusée le 10/01/2026, pénalité levée le 10/07/2026',
      'Proposition adaptée refusée le 01/05/2026, pénalité levée le 01/11/2026',
    ]);
    // No penalty in the grid: a refusal costs nothing.
    expect(scoreDemand(grid({}), facts({}, { refusals: [{ refusedOn: '2026-06-01' }] }), TODAY).score).toBe(
      0,
    );
  });

  it('scores a social tenant with the transfer grid when there is one, and refuses a transfer grid for a new demand', () => {
    const transfer = grid({
      version: 'mutation-1',
      kind: 'TRANSFER',
      categories: [{ code: 'HOUSING', label: 'Logement actuel', mode: 'SUM' }],
      criteria: [
        {
          code: 'UNDER_OCCUPATION',
          label: 'Logement trop grand',
          category: 'HOUSING',
          points: 15,
          rests: { fact: 'REASON', reason: 'TOO_BIG' },
        },
      ],
    });
    const tenant = facts({ currentHousing: { status: 'SOCIAL_TENANT' }, reasons: { codes: ['TOO_BIG'] } });
    const newcomer = facts({ currentHousing: { status: 'PRIVATE_TENANT' }, reasons: { codes: ['TOO_BIG'] } });
    expect(gridFor({ demand: EXAMPLE_GRID, transfer }, tenant.content)).toBe(transfer);
    expect(gridFor({ demand: EXAMPLE_GRID, transfer }, newcomer.content)).toBe(EXAMPLE_GRID);
    expect(gridFor({ demand: EXAMPLE_GRID }, tenant.content)).toBe(EXAMPLE_GRID);
    expect(scoreDemand(transfer, tenant, TODAY)).toMatchObject({ gridVersion: 'mutation-1', score: 15 });
    expect(scoreDemand(EXAMPLE_GRID, tenant, TODAY).score).toBe(0);
    expect(() => scoreDemand(transfer, newcomer, TODAY)).toThrow(RangeError);
  });

  it('gives no rent-burden points below 33 % of income, nor when the file does not say the rent or the income', () => {
    const burden = (rent: number, income: number, benefit = 0) =>
      scoreDemand(
        EXAMPLE_GRID,
        facts({
          currentHousing: { monthlyRent: rent, housingBenefit: benefit },
          resources: {
            incomes: [
              { person: 'APPLICANT', type: 'SALARY', monthlyAmount: income },
              { person: 'APPLICANT', type: 'HOUSING_BENEFIT', monthlyAmount: benefit },
            ],
          },
        }),
        TODAY,
      ).score;
    expect(burden(329, 1000)).toBe(0);
    expect(burden(330, 1000)).toBe(5);
    expect(burden(400, 1000)).toBe(10);
    // The housing benefit comes off the rent, and is not counted as income too.
    expect(burden(500, 1000, 200)).toBe(0);
    expect(burden(500, 0)).toBe(0);
    expect(
      scoreDemand(EXAMPLE_GRID, facts({ currentHousing: { status: 'PRIVATE_TENANT' } }), TODAY).criteria,
    ).toEqual([]);
  });

  it('does not call a parent with a co-applicant single', () => {
    const child = [{ kind: 'DEPENDANT' as const, relationship: 'CHILD' as const }];
    expect(scoreDemand(EXAMPLE_GRID, facts({ householdMembers: child }), TODAY).score).toBe(5);
    expect(
      scoreDemand(
        EXAMPLE_GRID,
        facts({ householdMembers: child, coApplicant: { ...applicant, firstNames: 'Iñaki' } }),
        TODAY,
      ).score,
    ).toBe(0);
  });
});

import { FRAGILITY_CRITERIA } from '../codes';
import { checkGrid } from './check';
import type { CotationGrid } from './cotation-codes';
import { EXAMPLE_GRID } from './example-grid';

const without = (code: string): CotationGrid => ({
  ...EXAMPLE_GRID,
  criteria: EXAMPLE_GRID.criteria.filter((c) => c.code !== code),
});

describe('checkGrid', () => {
  it('accepts the example grid, which reaches every L441-1 priority', () => {
    expect(checkGrid(EXAMPLE_GRID)).toEqual([]);
    expect(EXAMPLE_GRID.label).toBe("Grille d'exemple");
  });

  it('refuses a grid without a DALO criterion, naming it', () => {
    expect(checkGrid(without('PRIORITY_DALO_DECISION'))).toEqual([
      {
        code: 'PRIORITY_UNREACHABLE',
        priority: 'DALO_DECISION',
        message: 'Aucun critère ne donne de points à la priorité « Décision favorable DALO » (CCH L441-1).',
      },
    ]);
  });

  it('names every priority no criterion reaches, and does not count a criterion without points', () => {
    const zero: CotationGrid = {
      ...EXAMPLE_GRID,
      criteria: EXAMPLE_GRID.criteria.map((c) =>
        c.code === 'PRIORITY_YOUNG_CARE_LEAVER' ? { ...c, points: 0 } : c,
      ),
    };
    expect(checkGrid(zero).map((p) => p.code === 'PRIORITY_UNREACHABLE' && p.priority)).toEqual([
      'YOUNG_CARE_LEAVER',
    ]);
    const none: CotationGrid = {
      ...EXAMPLE_GRID,
      criteria: EXAMPLE_GRID.criteria.filter((c) => c.rests.fact !== 'CONFIRMED_FLAG'),
    };
    expect(checkGrid(none).map((p) => p.code === 'PRIORITY_UNREACHABLE' && p.priority)).toEqual([
      ...FRAGILITY_CRITERIA,
    ]);
  });

  it('refuses the same transfer rule: a transfer grid must reach the priorities too', () => {
    expect(checkGrid({ ...without('PRIORITY_DISABILITY'), kind: 'TRANSFER' }).map((p) => p.code)).toEqual([
      'PRIORITY_UNREACHABLE',
    ]);
  });

  it('refuses a malformed grid with what is wrong', () => {
    const bad: CotationGrid = {
      ...EXAMPLE_GRID,
      categories: [
        ...EXAMPLE_GRID.categories,
        { code: 'HOUSING', label: 'Doublon', mode: 'HIGHEST', maxPoints: 5 },
      ],
      criteria: [
        ...EXAMPLE_GRID.criteria,
        {
          code: 'SINGLE_PARENT',
          label: 'Parent isolé',
          category: 'FAMILY',
          points: 5,
          rests: { fact: 'SINGLE_PARENT' },
        },
        {
          code: 'ORPHAN',
          label: 'Sans catégorie',
          category: 'NOWHERE',
          points: -1,
          rests: { fact: 'HOUSING_STATUS', status: 'HOTEL' },
        },
        {
          code: 'BURDEN_DOWN',
          label: 'Barème descendant',
          category: 'RESOURCES',
          points: 10,
          rests: {
            fact: 'RENT_BURDEN',
            scale: [
              { fromPercent: 40, points: 10 },
              { fromPercent: 33, points: 5 },
            ],
          },
        },
      ],
      seniority: { pointsPerMonth: 0.5 },
      refusalPenalty: { points: 10, months: 0 },
    };
    expect(
      checkGrid(bad).map((p) => [p.code, 'criterion' in p ? p.criterion : 'category' in p ? p.category : '']),
    ).toEqual([
      ['DUPLICATE_CATEGORY', 'HOUSING'],
      ['BAD_CATEGORY_CAP', 'HOUSING'],
      ['DUPLICATE_CRITERION', 'SINGLE_PARENT'],
      ['UNKNOWN_CATEGORY', 'ORPHAN'],
      ['NEGATIVE_POINTS', 'ORPHAN'],
      ['BAD_SCALE', 'BURDEN_DOWN'],
      ['BAD_SENIORITY', ''],
      ['BAD_REFUSAL_PENALTY', ''],
    ]);
  });
});

import { FRAGILITY_CRITERIA, type FragilityCriterion } from '../codes';
import { FRAGILITY_CRITERION_LABELS } from '../labels';
import type { CotationGrid, GridCriterion } from './cotation-codes';

/** Points of each L441-1 priority in the example: DALO above the others (the State's quota). */
const PRIORITY_POINTS: Record<FragilityCriterion, number> = Object.fromEntries(
  FRAGILITY_CRITERIA.map((c) => [c, c === 'DALO_DECISION' ? 40 : 25]),
) as Record<FragilityCriterion, number>;

/**
 * « Grille d'exemple »: built from the structure of Lyon's published grid (threatened with eviction
 * 20, single parent 5, excessive rent burden 10 with nothing below 33 % of income, points per
 * month of waiting), plus one criterion per L441-1 priority. The demo seeds it; it is not the
 * CCLO's grid, which its PPGD fixes.
 */
export const EXAMPLE_GRID: CotationGrid = {
  version: 'exemple-1',
  kind: 'DEMAND',
  label: "Grille d'exemple",
  categories: [
    { code: 'PRIORITY', label: 'Publics prioritaires (CCH L441-1)', mode: 'HIGHEST' },
    { code: 'HOUSING', label: 'Situation de logement', mode: 'HIGHEST' },
    { code: 'FAMILY', label: 'Situation familiale', mode: 'SUM' },
    { code: 'RESOURCES', label: 'Ressources', mode: 'SUM' },
  ],
  criteria: [
    ...FRAGILITY_CRITERIA.map(
      (criterion): GridCriterion => ({
        code: `PRIORITY_${criterion}`,
        label: FRAGILITY_CRITERION_LABELS[criterion],
        category: 'PRIORITY',
        points: PRIORITY_POINTS[criterion],
        rests: { fact: 'CONFIRMED_FLAG', criterion },
      }),
    ),
    {
      code: 'EVICTION',
      label: "Menacé d'expulsion",
      category: 'HOUSING',
      points: 20,
      rests: { fact: 'REASON', reason: 'EVICTION_PROCEDURE' },
      proof: 'EVICTION_DOCUMENT',
    },
    {
      code: 'UNFIT_HOUSING',
      label: 'Logement insalubre ou dangereux',
      category: 'HOUSING',
      points: 15,
      rests: { fact: 'REASON', reason: 'UNHEALTHY_HOUSING' },
      proof: 'UNFIT_HOUSING_DOCUMENT',
    },
    {
      code: 'HOSTED',
      label: 'Hébergé chez des parents ou des tiers',
      category: 'HOUSING',
      points: 5,
      rests: { fact: 'REASON', reason: 'HOSTED' },
    },
    {
      code: 'SINGLE_PARENT',
      label: 'Parent isolé',
      category: 'FAMILY',
      points: 5,
      rests: { fact: 'SINGLE_PARENT' },
    },
    {
      code: 'RENT_BURDEN',
      label: "Taux d'effort excessif",
      category: 'RESOURCES',
      points: 10,
      rests: {
        fact: 'RENT_BURDEN',
        scale: [
          { fromPercent: 33, points: 5 },
          { fromPercent: 40, points: 10 },
        ],
      },
    },
  ],
  seniority: { pointsPerMonth: 1 },
  refusalPenalty: { points: 10, months: 12 },
};

import { FRAGILITY_CRITERIA, type FragilityCriterion } from '../codes';
import { FRAGILITY_CRITERION_LABELS } from '../labels';
import type { CotationGrid } from './cotation-codes';

/** Why a grid may not be adopted. */
export type GridProblem =
  /** No criterion with points rests on this L441-1 priority's confirmed flag. */
  | { code: 'PRIORITY_UNREACHABLE'; priority: FragilityCriterion; message: string }
  | {
      code: 'DUPLICATE_CRITERION' | 'UNKNOWN_CATEGORY' | 'NEGATIVE_POINTS' | 'BAD_SCALE';
      criterion: string;
      message: string;
    }
  | { code: 'DUPLICATE_CATEGORY' | 'BAD_CATEGORY_CAP'; category: string; message: string }
  | { code: 'BAD_SENIORITY' | 'BAD_REFUSAL_PENALTY'; message: string };

const wholeNonNegative = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * What keeps a grid from being adopted (none: it may be). Every L441-1 priority, DALO included,
 * must be reachable by a criterion (DOMAIN.md §11): a grid that names none for one is refused,
 * with the priority named.
 */
export function checkGrid(grid: CotationGrid): GridProblem[] {
  const problems: GridProblem[] = [];
  const categories = new Set<string>();
  for (const category of grid.categories) {
    if (categories.has(category.code)) {
      problems.push({
        code: 'DUPLICATE_CATEGORY',
        category: category.code,
        message: `La catégorie « ${category.label} » figure deux fois.`,
      });
    }
    categories.add(category.code);
    if (
      category.maxPoints !== undefined &&
      (category.mode !== 'SUM' || !wholeNonNegative(category.maxPoints))
    ) {
      problems.push({
        code: 'BAD_CATEGORY_CAP',
        category: category.code,
        message: `Le plafond de la catégorie « ${category.label} » doit être un nombre entier de points, pour une catégorie où les points s’additionnent.`,
      });
    }
  }

  const codes = new Set<string>();
  for (const criterion of grid.criteria) {
    const named = `« ${criterion.label} »`;
    if (codes.has(criterion.code)) {
      problems.push({
        code: 'DUPLICATE_CRITERION',
        criterion: criterion.code,
        message: `Le critère ${named} figure deux fois.`,
      });
    }
    codes.add(criterion.code);
    if (!categories.has(criterion.category)) {
      problems.push({
        code: 'UNKNOWN_CATEGORY',
        criterion: criterion.code,
        message: `Le critère ${named} n’est rangé dans aucune catégorie de la grille.`,
      });
    }
    if (!wholeNonNegative(criterion.points)) {
      problems.push({
        code: 'NEGATIVE_POINTS',
        criterion: criterion.code,
        message: `Les points du critère ${named} doivent être un nombre entier positif ou nul.`,
      });
    }
    if (criterion.rests.fact === 'RENT_BURDEN') {
      const scale = criterion.rests.scale;
      const ordered = scale.every(
        (step, i) =>
          wholeNonNegative(step.points) &&
          step.fromPercent >= 0 &&
          (i === 0 || (step.fromPercent > scale[i - 1].fromPercent && step.points >= scale[i - 1].points)),
      );
      if (scale.length === 0 || !ordered || Math.max(...scale.map((s) => s.points)) !== criterion.points) {
        problems.push({
          code: 'BAD_SCALE',
          criterion: criterion.code,
          message: `Le barème du critère ${named} doit monter par seuils croissants jusqu’à ses ${criterion.points} points.`,
        });
      }
    }
  }

  if (
    !wholeNonNegative(grid.seniority.pointsPerMonth) ||
    (grid.seniority.maxPoints !== undefined && !wholeNonNegative(grid.seniority.maxPoints))
  ) {
    problems.push({
      code: 'BAD_SENIORITY',
      message: 'Les points d’ancienneté et leur plafond doivent être des nombres entiers positifs ou nuls.',
    });
  }
  const penalty = grid.refusalPenalty;
  if (
    penalty &&
    (!wholeNonNegative(penalty.points) || !Number.isInteger(penalty.months) || penalty.months < 1)
  ) {
    problems.push({
      code: 'BAD_REFUSAL_PENALTY',
      message: 'La pénalité de refus doit retirer un nombre entier de points pendant au moins un mois.',
    });
  }

  const reached = new Set(
    grid.criteria.flatMap((c) =>
      c.rests.fact === 'CONFIRMED_FLAG' && c.points > 0 ? [c.rests.criterion] : [],
    ),
  );
  for (const priority of FRAGILITY_CRITERIA) {
    if (!reached.has(priority)) {
      problems.push({
        code: 'PRIORITY_UNREACHABLE',
        priority,
        message: `Aucun critère ne donne de points à la priorité « ${FRAGILITY_CRITERION_LABELS[priority]} » (CCH L441-1).`,
      });
    }
  }
  return problems;
}

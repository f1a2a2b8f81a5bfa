import type { CategoryMode, GridKind } from './cotation-codes';

export const GRID_KIND_LABELS: Record<GridKind, string> = {
  DEMAND: 'Demandes de logement social',
  TRANSFER: 'Demandes de mutation (locataires du parc social)',
};

export const CATEGORY_MODE_LABELS: Record<CategoryMode, string> = {
  SUM: 'Les points des critères remplis s’additionnent',
  HIGHEST: 'Seul le critère le plus fort compte',
};

export const SENIORITY_LINE_LABEL = 'Ancienneté de la demande';
export const REFUSAL_PENALTY_LINE_LABEL = 'Refus d’une proposition adaptée';

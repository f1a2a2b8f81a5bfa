import type { DocumentType, FragilityCriterion } from '../codes';
import type { HousingStatus, Reason } from '../file/file-codes';

/** Codes of the cotation (CCH L441-2-8, DOMAIN.md §11). French labels: cotation-labels.ts. */

/** A grid scores new demands, or transfer requests (applicants already in social housing). */
export const GRID_KINDS = ['DEMAND', 'TRANSFER'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

/** In a category the points of the criteria met add up, or only the highest counts. */
export const CATEGORY_MODES = ['SUM', 'HIGHEST'] as const;
export type CategoryMode = (typeof CATEGORY_MODES)[number];

/** What the file's content can tell a criterion. */
export const FILE_FACTS = ['REASON', 'HOUSING_STATUS', 'SINGLE_PARENT', 'RENT_BURDEN'] as const;
export type FileFact = (typeof FILE_FACTS)[number];

/** A rent-burden step: from this share of the household's income (percent), these points. */
export interface RentBurdenStep {
  fromPercent: number;
  points: number;
}

/** What a criterion rests on. */
export type CriterionBasis =
  /** A reason of the demand the applicant declared (CERFA « motifs »). */
  | { fact: 'REASON'; reason: Reason }
  | { fact: 'HOUSING_STATUS'; status: HousingStatus }
  /** No co-applicant, and at least one dependent child. */
  | { fact: 'SINGLE_PARENT' }
  /**
   * Rent and charges, less the housing benefit, over the household's monthly income. The steps
   * give the points; below the first, none.
   */
  | { fact: 'RENT_BURDEN'; scale: RentBurdenStep[] }
  /** A fragility flag a social worker confirmed: the L441-1 priorities. */
  | { fact: 'CONFIRMED_FLAG'; criterion: FragilityCriterion };

export interface GridCategory {
  code: string;
  label: string;
  mode: CategoryMode;
  /** SUM only: the category never gives more than this. */
  maxPoints?: number;
}

export interface GridCriterion {
  /** Unique in the grid (`EVICTION`). */
  code: string;
  /** What the applicant and the agents read (« Menacé d'expulsion »). */
  label: string;
  category: string;
  /** The criterion's points; for a rent-burden scale, its highest step. */
  points: number;
  rests: CriterionBasis;
  /** The document that proves it: the criterion is provisional until one of this type is verified. */
  proof?: DocumentType;
}

export interface SeniorityRule {
  pointsPerMonth: number;
  /** The seniority never gives more than this. */
  maxPoints?: number;
}

/** Refusing an adapted offer costs these points for these months (the PPGD says so). */
export interface RefusalPenalty {
  points: number;
  months: number;
}

export interface CotationGrid {
  version: string;
  kind: GridKind;
  label: string;
  categories: GridCategory[];
  criteria: GridCriterion[];
  seniority: SeniorityRule;
  refusalPenalty?: RefusalPenalty;
}

/** Codes of the lines that are not criteria of the grid. */
export const SENIORITY_LINE = 'SENIORITY';
export const REFUSAL_PENALTY_LINE = 'REFUSAL_PENALTY';
/** `CATEGORY_CAP:<category>`: what a category's cap takes off. */
export const CATEGORY_CAP_LINE = 'CATEGORY_CAP';

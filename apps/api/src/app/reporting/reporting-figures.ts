import {
  type CountFigure,
  type DaysFigure,
  MIN_CASES_PER_FIGURE,
  type ReportingView,
  type ShareFigure,
} from '@passerelle/shared/domain';

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * The suppression rule of DOMAIN.md §10 (« a figure resting on fewer than 5 cases is not shown »):
 * - averages, medians and shares rest on their cases: withheld under the minimum, for everyone;
 * - counts in a breakdown are withheld from 1 to 4 for every view but the coordinator's (`thin`:
 *   a count that small points at a person); zero is always shown.
 * Totals are plain numbers, never withheld.
 */
export class Figures {
  /** Whether counts of 1 to 4 are shown (the coordinator's view). */
  readonly showsThinCounts: boolean;

  constructor(view: ReportingView) {
    this.showsThinCounts = view === 'everything';
  }

  isThin(count: number): boolean {
    return count > 0 && count < MIN_CASES_PER_FIGURE;
  }

  count(count: number): CountFigure {
    return !this.showsThinCounts && this.isThin(count)
      ? { count: null, suppressed: true }
      : { count, suppressed: false };
  }

  /** Days over `cases` cases; `average` and `median` as PostgreSQL computed them. */
  days(cases: number, average: number | string | null, median: number | string | null): DaysFigure {
    if (cases < MIN_CASES_PER_FIGURE || average === null || median === null) {
      return { cases, averageDays: null, medianDays: null, suppressed: cases > 0 };
    }
    return {
      cases,
      averageDays: round(Number(average), 1),
      medianDays: round(Number(median), 1),
      suppressed: false,
    };
  }

  /** `count` of `cases` meet a condition; the share goes when either is too thin to show. */
  share(cases: number, count: number): ShareFigure {
    const shown = this.count(count);
    if (cases < MIN_CASES_PER_FIGURE || shown.suppressed) {
      return { cases, count: shown.count, share: null, suppressed: cases > 0 };
    }
    return { cases, count, share: round(count / cases, 3), suppressed: false };
  }
}

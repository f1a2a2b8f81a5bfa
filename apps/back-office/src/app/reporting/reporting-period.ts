import {
  type CalendarDate,
  frenchLongDate,
  isCalendarDate,
  REPORTING_FIRST_YEAR,
  type ReportingPeriod,
  type ReportingPeriodQuery,
} from '@passerelle/shared/domain';

/**
 * The period of the Pilotage page, as the URL keeps it (`?annee=2026`, `?trimestre=2026-T2`,
 * `?du=2026-01-01&au=2026-03-31`; nothing: the last 12 months) and as the API takes it.
 */
export type PeriodChoice =
  | { readonly kind: 'last12' }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'range'; readonly from: CalendarDate; readonly to: CalendarDate };

export type PeriodKind = PeriodChoice['kind'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  last12: 'Les 12 derniers mois',
  year: 'Une année',
  quarter: 'Un trimestre',
  range: 'Des dates choisies',
};

/** The query parameters of the page, as the router gives them. */
export interface PeriodParams {
  readonly annee?: string | null;
  readonly trimestre?: string | null;
  readonly du?: string | null;
  readonly au?: string | null;
}

const YEAR = /^\d{4}$/;
const QUARTER = /^(\d{4})-T([1-4])$/;

function validYear(text: string | null | undefined): number | null {
  if (!text || !YEAR.test(text)) return null;
  const year = Number(text);
  return year >= REPORTING_FIRST_YEAR ? year : null;
}

/** What the URL asks for; anything malformed falls back to the last 12 months. */
export function periodFromParams(params: PeriodParams): PeriodChoice {
  const year = validYear(params.annee);
  if (year !== null) return { kind: 'year', year };
  const quarter = params.trimestre ? QUARTER.exec(params.trimestre) : null;
  if (quarter && validYear(quarter[1]) !== null) {
    return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) as 1 | 2 | 3 | 4 };
  }
  if (isCalendarDate(params.du) && isCalendarDate(params.au) && params.du <= params.au) {
    return { kind: 'range', from: params.du, to: params.au };
  }
  return { kind: 'last12' };
}

/** The query parameters for the router: every key set, null removing the ones not used. */
export function paramsOf(choice: PeriodChoice): Record<keyof PeriodParams, string | null> {
  return {
    annee: choice.kind === 'year' ? String(choice.year) : null,
    trimestre: choice.kind === 'quarter' ? `${choice.year}-T${choice.quarter}` : null,
    du: choice.kind === 'range' ? choice.from : null,
    au: choice.kind === 'range' ? choice.to : null,
  };
}

/** `?year=`, `?quarter=` or `?from=&to=` of `GET /api/reporting/…`; nothing for the default. */
export function apiQueryOf(choice: PeriodChoice): ReportingPeriodQuery {
  switch (choice.kind) {
    case 'year':
      return { year: String(choice.year) };
    case 'quarter':
      return { quarter: `${choice.year}-Q${choice.quarter}` };
    case 'range':
      return { from: choice.from, to: choice.to };
    default:
      return {};
  }
}

/** « les 12 derniers mois », « l'année 2026 », « le 2e trimestre 2026 », « du 01/01/2026 au … ». */
export function choiceLabel(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'year':
      return `l’année ${choice.year}`;
    case 'quarter':
      return `le ${choice.quarter === 1 ? '1er' : `${choice.quarter}e`} trimestre ${choice.year}`;
    case 'range':
      return periodText(choice);
    default:
      return 'les 12 derniers mois';
  }
}

/** « du 1er janvier 2026 au 31 mars 2026 ». */
export function periodText(period: ReportingPeriod): string {
  return `du ${frenchLongDate(period.from)} au ${frenchLongDate(period.to)}`;
}

/** For file names: `2026-01-01_2026-03-31`. */
export function periodSlug(period: ReportingPeriod): string {
  return `${period.from}_${period.to}`;
}

/** The years a user may pick, most recent first. */
export function yearOptions(today: CalendarDate, count = 6): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, index) => current - index).filter(
    (year) => year >= REPORTING_FIRST_YEAR,
  );
}

/** Why a custom range cannot be asked for, in French; null when it can. */
export function rangeProblem(from: string, to: string, today: CalendarDate): string | null {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return 'Indiquez la date de début et la date de fin.';
  if (from > to) return 'La date de fin doit suivre la date de début.';
  if (to > today) return 'La date de fin ne peut pas être après aujourd’hui.';
  if (from < `${REPORTING_FIRST_YEAR}-01-01`)
    return `La période doit commencer en ${REPORTING_FIRST_YEAR} ou après.`;
  return null;
}

/** A quarter still in the future cannot be asked for. */
export function quarterStarted(year: number, quarter: number, today: CalendarDate): boolean {
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return start <= today;
}

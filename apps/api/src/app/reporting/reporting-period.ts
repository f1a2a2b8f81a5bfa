import {
  type CalendarDate,
  type FieldError,
  REPORTING_FIRST_YEAR,
  REPORTING_MAX_MONTHS,
  type ReportingPeriod,
  type ReportingPeriodQuery,
  addDays,
  addMonthsClamped,
} from '@passerelle/shared/domain';
import { invalid } from '@api/platform/http/domain-error';

const firstOfMonth = (year: string, month: number): CalendarDate =>
  `${year}-${String(month).padStart(2, '0')}-01`;

/** The last 12 months ending today: today and the 364 or 365 days before. */
export function defaultPeriod(today: CalendarDate): ReportingPeriod {
  return { from: addDays(addMonthsClamped(today, -12), 1), to: today };
}

/**
 * The period of an indicator request (API.md: `?from=&to=`, default the last 12 months), with the
 * shortcuts `?year=2026` and `?quarter=2026-Q2`. One form at a time; the end is never after today
 * (a year or quarter still running stops today). Anything else is a 400 that says which field.
 */
export function resolvePeriod(query: ReportingPeriodQuery, today: CalendarDate): ReportingPeriod {
  const fail = (...details: FieldError[]): never => {
    throw invalid('Invalid period', details);
  };
  const forms = [
    query.from !== undefined || query.to !== undefined ? 'from/to' : null,
    query.year !== undefined ? 'year' : null,
    query.quarter !== undefined ? 'quarter' : null,
  ].filter((form) => form !== null);
  if (forms.length > 1) {
    fail(
      ...(['from', 'to', 'year', 'quarter'] as const)
        .filter((field) => query[field] !== undefined)
        .map((field) => ({
          field,
          message: `give one of from/to, year or quarter, not ${forms.join(' and ')}`,
        })),
    );
  }

  let period: ReportingPeriod;
  let field: 'from' | 'year' | 'quarter' = 'from';
  if (query.year !== undefined) {
    const year = Number(query.year);
    period = { from: `${query.year}-01-01`, to: `${query.year}-12-31` };
    field = 'year';
    if (year < REPORTING_FIRST_YEAR)
      fail({ field, message: `year must be ${REPORTING_FIRST_YEAR} or later` });
  } else if (query.quarter !== undefined) {
    const [yearText, q] = query.quarter.split('-Q') as [string, string];
    const year = Number(yearText);
    const from = firstOfMonth(yearText, (Number(q) - 1) * 3 + 1);
    period = { from, to: addDays(addMonthsClamped(from, 3), -1) };
    field = 'quarter';
    if (year < REPORTING_FIRST_YEAR)
      fail({ field, message: `quarter must be in ${REPORTING_FIRST_YEAR} or later` });
  } else if (query.from !== undefined || query.to !== undefined) {
    const to = query.to ?? today;
    period = { from: query.from ?? defaultPeriod(to).from, to };
    if (query.to !== undefined && query.to > today)
      fail({ field: 'to', message: 'to cannot be after today' });
    if (period.from > period.to) fail({ field: 'from', message: 'from must be on or before to' });
    if (period.from < `${REPORTING_FIRST_YEAR}-01-01`)
      fail({ field: 'from', message: `from must be in ${REPORTING_FIRST_YEAR} or later` });
  } else {
    return defaultPeriod(today);
  }

  if (period.from > today) fail({ field, message: 'the period has not started yet' });
  if (period.to > today) period = { ...period, to: today };
  if (addMonthsClamped(period.from, REPORTING_MAX_MONTHS) <= period.to) {
    fail({ field, message: `a period spans at most ${REPORTING_MAX_MONTHS} months` });
  }
  return period;
}

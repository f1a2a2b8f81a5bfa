import {
  type CommuneCount,
  type DaysFigure,
  FILE_STATUSES,
  type FileEntries,
  type FileFigures,
  type FileStock,
  type LateReceptionCase,
  ORGANIZATION_TYPES,
  type OrganizationCount,
  type OrganizationType,
  REFERRAL_STATUSES,
  type ReceptionCommitmentFigures,
  type ReferralFigures,
  type ReportingOrganization,
  TYPOLOGIES,
  type WaitingTimeFigures,
} from '@passerelle/shared/domain';
import type { Figures } from './reporting-figures';
import type {
  FileFigureRow,
  LateReceptionRow,
  ReceptionFigureRow,
  ReferralHistogramRow,
  WaitingCaseGroupRow,
} from './reporting.queries';
import { REFERRAL_BY_DONE_DAYS, REFERRAL_BY_STATUS } from './reporting.queries';
import type { OrganizationRow } from './reporting.repository';

/** Rows of the reporting statements → the shared response shapes, the suppression rule applied. */

export const sum = <T>(rows: readonly T[], value: (row: T) => number): number =>
  rows.reduce((total, row) => total + value(row), 0);

export function organizationOf(row: { id: string; name: string; type: string }): ReportingOrganization {
  return { id: row.id, name: row.name, type: row.type as OrganizationType };
}

/** A line per organisation that has figures (`figuresOf` null: none), the biggest first, then by name. */
export function perOrganization<F extends object>(
  organizations: readonly OrganizationRow[],
  figuresOf: (organizationId: string) => F | null,
  size: (figures: F) => number,
): (ReportingOrganization & F)[] {
  return organizations
    .flatMap((organization) => {
      const figures = figuresOf(organization.id);
      return figures === null ? [] : [{ ...organizationOf(organization), ...figures }];
    })
    .sort((a, b) => size(b) - size(a) || a.name.localeCompare(b.name));
}

export function fileFigures(
  rows: FileFigureRow[],
  entries: FileFigureRow[] | null,
  communeNames: Map<string, string>,
  organizations: OrganizationRow[],
  figures: Figures,
): FileFigures {
  const isStatus = (measure: string) => (FILE_STATUSES as readonly string[]).includes(measure);
  const communeRows = rows.filter((row) => row.dimension === 'COMMUNE');
  const typologyRows = rows.filter((row) => row.dimension === 'TYPOLOGY');
  const total = (selected: FileFigureRow[], stock: boolean) =>
    sum(
      selected.filter((row) => (stock ? isStatus(row.measure) : row.measure === 'ENTERED')),
      (row) => row.files,
    );
  const byCommune = (stock: boolean): CommuneCount[] => {
    const keys = [...new Set(communeRows.map((row) => row.key ?? ''))];
    return keys
      .map((key) => ({
        key,
        files: total(
          communeRows.filter((row) => row.key === key),
          stock,
        ),
      }))
      .filter(({ files }) => files !== 0)
      .sort((a, b) => b.files - a.files || a.key.localeCompare(b.key))
      .map(({ key, files }) => ({
        inseeCode: key === '' ? null : key,
        name: communeNames.get(key) ?? null,
        ...figures.count(files),
      }));
  };
  const byTypology = (stock: boolean) =>
    TYPOLOGIES.map((typology) => ({
      typology,
      ...figures.count(
        total(
          typologyRows.filter((row) => row.key === typology),
          stock,
        ),
      ),
    }));
  const byPointOfEntry = (stock: boolean): OrganizationCount[] | undefined =>
    entries
      ? organizations
          .map((organization) => ({
            organization,
            files: total(
              entries.filter((row) => row.entry_organization_id === organization.id),
              stock,
            ),
          }))
          .filter(({ files }) => files !== 0)
          .sort((a, b) => b.files - a.files || a.organization.name.localeCompare(b.organization.name))
          .map(({ organization, files }) => ({ ...organizationOf(organization), ...figures.count(files) }))
      : undefined;
  const stockEntries = byPointOfEntry(true);
  const entered = byPointOfEntry(false);
  const atEndOfPeriod: FileStock = {
    total: total(communeRows, true),
    byStatus: FILE_STATUSES.map((status) => ({
      status,
      ...figures.count(
        sum(
          communeRows.filter((row) => row.measure === status),
          (row) => row.files,
        ),
      ),
    })),
    byCommune: byCommune(true),
    byTypology: byTypology(true),
    ...(stockEntries ? { byPointOfEntry: stockEntries } : {}),
  };
  const enteredDuringPeriod: FileEntries = {
    total: total(communeRows, false),
    byCommune: byCommune(false),
    byTypology: byTypology(false),
    ...(entered ? { byPointOfEntry: entered } : {}),
  };
  return { atEndOfPeriod, enteredDuringPeriod };
}

/** Count, average and median (as percentile_cont(0.5)) of a histogram of days. */
export function daysOfHistogram(
  histogram: readonly { days: number; cases: number }[],
  figures: Figures,
): DaysFigure {
  const sorted = histogram.filter((bar) => bar.cases > 0).sort((a, b) => a.days - b.days);
  const cases = sum(sorted, (bar) => bar.cases);
  if (cases === 0) return figures.days(0, null, null);
  const at = (rank: number): number => {
    let seen = 0;
    for (const bar of sorted) {
      seen += bar.cases;
      if (seen >= rank) return bar.days;
    }
    return sorted[sorted.length - 1]?.days ?? 0;
  };
  const median = (at(Math.floor((cases + 1) / 2)) + at(Math.floor(cases / 2) + 1)) / 2;
  return figures.days(cases, sum(sorted, (bar) => bar.days * bar.cases) / cases, median);
}

/** The figures of the referrals in `rows` (histogram rows of `referralHistogramQuery`). */
export function referralFigures(
  rows: readonly ReferralHistogramRow[],
  typeOf: ReadonlyMap<string, OrganizationType>,
  figures: Figures,
): ReferralFigures {
  const byStatus = rows.filter((row) => row.grouping === REFERRAL_BY_STATUS);
  const byDoneDays = rows.filter((row) => row.grouping === REFERRAL_BY_DONE_DAYS);
  const count = (selected: readonly ReferralHistogramRow[]) =>
    figures.count(sum(selected, (row) => row.referrals));
  const histogram = (
    selected: readonly ReferralHistogramRow[],
    days: (row: ReferralHistogramRow) => number | null,
  ) =>
    selected.flatMap((row) => {
      const value = days(row);
      return value === null ? [] : [{ days: value, cases: row.referrals }];
    });
  return {
    total: sum(byStatus, (row) => row.referrals),
    byStatus: REFERRAL_STATUSES.map((status) => ({
      status,
      ...count(byStatus.filter((row) => row.status === status)),
    })),
    delays: {
      sentToAnswered: daysOfHistogram(
        histogram(byStatus, (row) => row.answered_days),
        figures,
      ),
      sentToDone: daysOfHistogram(
        histogram(byDoneDays, (row) => row.done_days),
        figures,
      ),
    },
    byOriginType: ORGANIZATION_TYPES.map((organizationType) => ({
      organizationType,
      ...count(byStatus.filter((row) => typeOf.get(row.from_id) === organizationType)),
    })),
    byDestinationType: ORGANIZATION_TYPES.map((organizationType) => ({
      organizationType,
      ...count(byStatus.filter((row) => typeOf.get(row.to_id) === organizationType)),
    })),
  };
}

export function receptionFigures(
  row: ReceptionFigureRow | undefined,
  figures: Figures,
): Omit<ReceptionCommitmentFigures, 'lateCases'> {
  const met = row?.met ?? 0;
  const late = row?.late ?? 0;
  return {
    total: row?.requests ?? 0,
    met: figures.count(met),
    late: figures.count(late),
    open: figures.count(row?.open ?? 0),
    shareMet: figures.share(met + late, met),
    daysLate: figures.days(late, row?.late_average ?? null, row?.late_median ?? null),
  };
}

export function lateCase(row: LateReceptionRow, withOrganization: boolean): LateReceptionCase {
  return {
    requestedOn: row.requested_on,
    deadline: row.deadline,
    daysLate: row.days_late,
    receivedOn: row.honoured_on,
    ...(withOrganization
      ? {
          recordedBy: organizationOf({
            id: row.recorded_by_organization_id,
            name: row.recorded_by_organization_name,
            type: row.recorded_by_organization_type,
          }),
        }
      : {}),
  };
}

/** A group of `waitingCasesQuery` with its days read. */
export interface WaitingDaysGroup extends Omit<WaitingCaseGroupRow, 'days'> {
  days: Int32Array;
}

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;

/**
 * Reads each group's days once, for both sections: one scan of the comma-separated text into a
 * typed array (a year at a million files holds some 650,000 of them, which `split` and `Number`
 * would each turn into an object first).
 */
export function waitingDays(rows: readonly WaitingCaseGroupRow[]): WaitingDaysGroup[] {
  return rows.map(({ days: text, ...group }) => {
    let length = text.length > 0 ? 1 : 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === COMMA) length++;
    const days = new Int32Array(length);
    let at = 0;
    let value = 0;
    let sign = 1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === COMMA) {
        days[at++] = sign * value;
        value = 0;
        sign = 1;
      } else if (code === MINUS) sign = -1;
      else value = value * 10 + code - ZERO;
    }
    if (length > 0) days[at] = sign * value;
    return { ...group, days };
  });
}

/** The histogram of the days of `groups` together: one counter per day between the extremes. */
function histogramOf(groups: readonly WaitingDaysGroup[]): { days: number; cases: number }[] {
  let min = Infinity;
  let max = -Infinity;
  for (const { days } of groups) {
    for (let i = 0; i < days.length; i++) {
      const value = days[i] ?? 0;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (min > max) return [];
  const counts = new Int32Array(max - min + 1);
  for (const { days } of groups) {
    for (let i = 0; i < days.length; i++) {
      const offset = (days[i] ?? 0) - min;
      counts[offset] = (counts[offset] ?? 0) + 1;
    }
  }
  const bars: { days: number; cases: number }[] = [];
  counts.forEach((cases, offset) => {
    if (cases > 0) bars.push({ days: min + offset, cases });
  });
  return bars;
}

/**
 * The waiting times of the housed demands in `groups`: the groups of a same wish (the caller's
 * organisation's and the others') together, the median taken as PostgreSQL's percentile_cont(0.5)
 * would.
 */
export function waitingTimeFigures(
  groups: readonly WaitingDaysGroup[],
  figures: Figures,
): WaitingTimeFigures {
  const wishes = new Map<string, { first: WaitingDaysGroup; groups: WaitingDaysGroup[] }>();
  for (const group of groups) {
    const id = `${group.dimension}:${group.key}`;
    const wish = wishes.get(id);
    if (wish) wish.groups.push(group);
    else wishes.set(id, { first: group, groups: [group] });
  }
  const daysOf = (wish: { groups: WaitingDaysGroup[] } | undefined): DaysFigure =>
    daysOfHistogram(histogramOf(wish?.groups ?? []), figures);
  return {
    overall: daysOf(wishes.get('ALL:')),
    byTypology: TYPOLOGIES.map((typology) => ({ typology, ...daysOf(wishes.get(`TYPOLOGY:${typology}`)) })),
    byCommune: [...wishes.values()]
      .filter((wish) => wish.first.dimension === 'COMMUNE')
      .map((wish) => ({ inseeCode: wish.first.key, name: wish.first.name, ...daysOf(wish) }))
      .sort((a, b) => b.cases - a.cases || a.inseeCode.localeCompare(b.inseeCode)),
  };
}

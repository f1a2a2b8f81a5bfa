import { type CalendarDate, type ReportingPeriod, addDays, oneMonthAfter } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { parisMidnight } from '@api/app/appointments/appointments.queries';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';
import type { WaitingDimension } from './reporting-summary.entities';

/**
 * The SQL of the steering indicators and of the renewal reminders, in one place for reviewers (see
 * the snapshot test). The indicators read the reporting summary (reporting-summary.entities.ts,
 * kept by ReportingRefreshJob), but for the appointments and reception requests of `activity`,
 * counted through their own indexes. Every statement aggregates in PostgreSQL and answers a few rows
 * (a few thousand at most, for referrals), never one row per file; the waiting times' rows carry
 * their cases' days, for the medians.
 *
 * Whose figures: `organizationId` is the caller's organisation: the files it created (its point of
 * entry), the referrals it sent or received, the reception requests it recorded. Statements group by
 * `own` so that one pass gives both its figures and the territory's; `ownOnly` (the relay clerk's
 * view) keeps only its rows. The coordinator's statements group by organisation instead.
 */
export interface ReportingScope {
  organizationId: string;
  /** Only the organisation's own rows (the `ownOrganization` view). */
  ownOnly: boolean;
  /** Breakdowns by organisation (the `everything` view). */
  byOrganization: boolean;
}

/** The instants of a period of Paris calendar days: [start, end). */
function periodInstants(period: ReportingPeriod, params: SqlParams): { start: string; end: string } {
  return {
    start: parisMidnight(params.add(period.from)),
    end: parisMidnight(`(${params.add(period.to)}::date + 1)`),
  };
}

// ── files (from the summary) ─────────────────────────────────────────────────

/**
 * The summary's running totals on `day`: the latest monthly checkpoint on or before it, plus the
 * flows from that checkpoint to `day` (both included). `sign` -1 subtracts them.
 */
function summaryAt(
  params: SqlParams,
  day: CalendarDate,
  options: { sign: 1 | -1; measures?: readonly string[]; organizationId?: string },
): string {
  const d = `${params.add(day)}::date`;
  const checkpoint = `(SELECT max(cp.month) FROM reporting_file_checkpoint cp WHERE cp.month <= ${d})`;
  const filters = [
    ...(options.measures ? [`measure IN (${sqlList(options.measures)})`] : []),
    ...(options.organizationId ? [`entry_organization_id = ${params.add(options.organizationId)}`] : []),
  ].map((condition) => `\n     AND ${condition}`);
  const files = options.sign === 1 ? 'files' : '-files';
  return `SELECT entry_organization_id, dimension, key, measure, ${files} AS files
    FROM reporting_file_checkpoint
   WHERE month = ${checkpoint}${filters.join('')}
  UNION ALL
  SELECT entry_organization_id, dimension, key, measure, ${files}
    FROM reporting_file_flow
   WHERE day >= COALESCE(${checkpoint}, '-infinity'::date) AND day <= ${d}${filters.join('')}`;
}

/** A row of `fileFiguresQuery`: a measure's files under one key of a dimension. */
export interface FileFigureRow {
  /** Set by the coordinator's breakdown by point of entry (then `dimension` is null). */
  entry_organization_id: string | null;
  own: boolean | null;
  dimension: 'COMMUNE' | 'TYPOLOGY' | null;
  key: string | null;
  /** A status (files in it on the last day) or ENTERED (files created during the period). */
  measure: string;
  files: number;
}

/**
 * Files on the last day of the period by status, and files created during it (ENTERED), by commune
 * and wished typology, from the summary: at most a month of daily flows, whatever the file count.
 */
export function fileFiguresQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const organizationId = scope.ownOnly ? scope.organizationId : undefined;
  const atEnd = summaryAt(params, period.to, { sign: 1, organizationId });
  const before = summaryAt(params, addDays(period.from, -1), {
    sign: -1,
    measures: ['CREATED'],
    organizationId,
  });
  const figures = scope.byOrganization
    ? `SELECT NULL::uuid AS entry_organization_id, NULL::boolean AS own, s.dimension, s.key, s.measure,
       sum(s.files)::int AS files
  FROM s GROUP BY s.dimension, s.key, s.measure HAVING sum(s.files) <> 0
UNION ALL
SELECT s.entry_organization_id, NULL::boolean, NULL, NULL, s.measure, sum(s.files)::int
  FROM s WHERE s.dimension = 'COMMUNE' GROUP BY s.entry_organization_id, s.measure HAVING sum(s.files) <> 0`
    : `SELECT NULL::uuid AS entry_organization_id, s.entry_organization_id = ${params.add(scope.organizationId)} AS own,
       s.dimension, s.key, s.measure, sum(s.files)::int AS files
  FROM s GROUP BY 2, s.dimension, s.key, s.measure HAVING sum(s.files) <> 0`;
  const text = `WITH s AS MATERIALIZED (
  SELECT u.entry_organization_id, u.dimension, u.key,
         CASE WHEN u.measure = 'CREATED' THEN 'ENTERED' ELSE u.measure END AS measure, u.files
    FROM (
  ${atEnd}
  UNION ALL
  ${before}) u)
${figures}`;
  return { text, values: params.values };
}

// ── referrals ─────────────────────────────────────────────────────────────────

/**
 * A row of `referralHistogramQuery`: referrals between two organisations, either by status and days
 * to the answer (`done_days` null, grouping 1), or by days to completion (`status` null, grouping 6).
 */
export interface ReferralHistogramRow {
  grouping: number;
  from_id: string;
  to_id: string;
  status: string | null;
  answered_days: number | null;
  done_days: number | null;
  referrals: number;
}

/** GROUPING(status, answered_days, done_days) of the two sets of `referralHistogramQuery`. */
export const REFERRAL_BY_STATUS = 1;
export const REFERRAL_BY_DONE_DAYS = 6;

/**
 * Referrals sent during the period, from the referral summary, as two small histograms per pair of
 * organisations: by status and days to the answer, and by days to completion (Paris calendar days).
 * Every figure (counts by status, origin, destination; median delays) is summed from them: one
 * pass, a few thousand rows, whatever the number of referrals.
 */
export function referralHistogramQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const org = scope.ownOnly ? params.add(scope.organizationId) : null;
  const own = org ? `\n   AND (r.from_organization_id = ${org} OR r.to_organization_id = ${org})` : '';
  const text = `SELECT GROUPING(r.status, r.answered_days, r.done_days) AS grouping,
       r.from_organization_id AS from_id, r.to_organization_id AS to_id, r.status, r.answered_days, r.done_days,
       count(*)::int AS referrals
  FROM reporting_referral_fact r
 WHERE r.sent_on >= ${params.add(period.from)}::date AND r.sent_on <= ${params.add(period.to)}::date${own}
 GROUP BY GROUPING SETS ((r.from_organization_id, r.to_organization_id, r.status, r.answered_days),
                         (r.from_organization_id, r.to_organization_id, r.done_days))`;
  return { text, values: params.values };
}

// ── reception commitment ──────────────────────────────────────────────────────

export interface ReceptionFigureRow {
  /** 3: the territory (or, for the relay clerk, its own requests); 0: one organisation, or `own`. */
  grouping: number;
  recorded_by_organization_id: string | null;
  own: boolean | null;
  requests: number;
  met: number;
  late: number;
  open: number;
  late_average: string | null;
  late_median: number | null;
}

/** The requests recorded by the caller's organisation only (the relay clerk's view). */
function receptionWhere(period: ReportingPeriod, params: SqlParams, organizationId: string | null): string {
  return `rc.requested_on >= ${params.add(period.from)}::date AND rc.requested_on <= ${params.add(period.to)}::date${
    organizationId ? `\n     AND rc.recorded_by_organization_id = ${params.add(organizationId)}` : ''
  }`;
}

/**
 * The requests made during the period, as they stood at the last refresh of the summary (where
 * `receptionCommitmentSql` put them; those still waiting are measured again every day), counted.
 */
export function receptionFiguresQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const where = receptionWhere(period, params, scope.ownOnly ? scope.organizationId : null);
  const key = scope.byOrganization
    ? 'rc.recorded_by_organization_id, NULL::boolean'
    : `NULL::uuid, rc.recorded_by_organization_id = ${params.add(scope.organizationId)}`;
  const text = `SELECT g.grouping, g.recorded_by_organization_id, g.own, g.requests, g.met, g.late, g.open,
       g.late_average, g.late_median
FROM (
  SELECT GROUPING(k.recorded_by_organization_id, k.own) AS grouping, k.recorded_by_organization_id, k.own,
         count(*)::int AS requests,
         count(*) FILTER (WHERE rc.state = 'MET')::int AS met,
         count(*) FILTER (WHERE rc.state = 'LATE')::int AS late,
         count(*) FILTER (WHERE rc.state = 'OPEN')::int AS open,
         avg(rc.days_late) FILTER (WHERE rc.state = 'LATE') AS late_average,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY rc.days_late) FILTER (WHERE rc.state = 'LATE') AS late_median
    FROM reporting_reception_fact rc
    CROSS JOIN LATERAL (SELECT ${key}) AS k(recorded_by_organization_id, own)
   WHERE ${where}
   GROUP BY GROUPING SETS ((k.recorded_by_organization_id, k.own), ())) g`;
  return { text, values: params.values };
}

export interface LateReceptionRow {
  requested_on: CalendarDate;
  deadline: CalendarDate;
  days_late: number;
  honoured_on: CalendarDate | null;
  recorded_by_organization_id: string;
  recorded_by_organization_name: string;
  recorded_by_organization_type: string;
}

/** At most this many late cases are listed (the most late first); the counts cover them all. */
export const MAX_LATE_CASES = 100;

/** The late requests of the period: dates and days late, nothing about the applicant. */
export function lateReceptionQuery(period: ReportingPeriod, organizationId: string | null): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT rc.requested_on, rc.deadline, rc.days_late, rc.honoured_on, rc.recorded_by_organization_id,
       o.name AS recorded_by_organization_name, o.type AS recorded_by_organization_type
  FROM reporting_reception_fact rc
  JOIN organization o ON o.id = rc.recorded_by_organization_id
 WHERE rc.state = 'LATE'
   AND ${receptionWhere(period, params, organizationId)}
 ORDER BY rc.days_late DESC, rc.requested_on, rc.reception_request_id
 LIMIT ${MAX_LATE_CASES}`;
  return { text, values: params.values };
}

// ── renewals ──────────────────────────────────────────────────────────────────

export interface RenewalFigureRow {
  own: boolean;
  due: number;
  reminded: number;
  closed_not_renewed: number;
}

/** The registered demands falling due from `today` to one month later, and the closures for non-renewal. */
export function dueWindow(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: today, to: oneMonthAfter(today) };
}

/**
 * Renewals due within the next month (reminded or not) and demands closed for non-renewal during the
 * period, by whether the caller's organisation created them; from the file summary's covering
 * indexes on renewal_due_on and closed_on.
 */
export function renewalFiguresQuery(
  period: ReportingPeriod,
  today: CalendarDate,
  scope: ReportingScope,
): SqlStatement {
  const params = new SqlParams();
  const window = dueWindow(today);
  const org = params.add(scope.organizationId);
  const own = scope.ownOnly ? `\n     AND f.entry_organization_id = ${org}` : '';
  const text = `SELECT k.own, sum(k.due)::int AS due, sum(k.reminded)::int AS reminded,
       sum(k.closed_not_renewed)::int AS closed_not_renewed
FROM (
  SELECT f.entry_organization_id = ${org} AS own, 1 AS due,
         (rr.id IS NOT NULL)::int AS reminded, 0 AS closed_not_renewed
    FROM reporting_file_fact f
    LEFT JOIN renewal_reminder rr ON rr.applicant_file_id = f.applicant_file_id AND rr.renewal_due_on = f.renewal_due_on
   WHERE f.status IN ('REGISTERED', 'RENEWAL_DUE')
     AND f.renewal_due_on >= ${params.add(window.from)}::date AND f.renewal_due_on <= ${params.add(window.to)}::date${own}
  UNION ALL
  SELECT f.entry_organization_id = ${org}, 0, 0, 1
    FROM reporting_file_fact f
   WHERE f.closed_on >= ${params.add(period.from)}::date AND f.closed_on <= ${params.add(period.to)}::date
     AND f.closure_reason = 'NOT_RENEWED'${own}) k
GROUP BY k.own`;
  return { text, values: params.values };
}

// ── waiting times ─────────────────────────────────────────────────────────────

/** Housed demands of the period grouped by whether the caller's organisation created them. */
export interface WaitingCaseGroupRow {
  /** True when the caller's organisation created them; null in the `everything` view. */
  own: boolean | null;
  dimension: WaitingDimension;
  /** The wished typology or commune ('' for ALL). */
  key: string;
  /** The commune's name, for COMMUNE. */
  name: string | null;
  /** Each demand's waiting days, comma-separated, in no order. */
  days: string;
}

/**
 * The waiting days of the demands housed during the period (from the seniority date to the
 * closure as HOUSED), overall and under each wished typology and commune, from the summary's
 * `reporting_waiting_days`. The days come back as they are, not sorted: the API takes the medians
 * (reporting.mapper.ts), which spares PostgreSQL a sort of every case of the period per group.
 */
export function waitingCasesQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const org = scope.ownOnly || !scope.byOrganization ? params.add(scope.organizationId) : '';
  const own = scope.byOrganization ? 'NULL::boolean' : `w.entry_organization_id = ${org}`;
  const text = `SELECT g.own, g.dimension, g.key, c.name, g.days
FROM (
  SELECT ${own} AS own, w.dimension, w.key, string_agg(w.days, ',') AS days
    FROM reporting_waiting_days w
   WHERE w.closed_on >= ${params.add(period.from)}::date AND w.closed_on <= ${params.add(period.to)}::date${
     scope.ownOnly ? `\n     AND w.entry_organization_id = ${org}` : ''
   }
   GROUP BY 1, 2, 3) g
LEFT JOIN commune c ON g.dimension = 'COMMUNE' AND c.insee_code = g.key`;
  return { text, values: params.values };
}

// ── documents (from the daily snapshot) ───────────────────────────────────────

export interface DocumentSnapshotRow {
  day: CalendarDate;
  entry_organization_id: string;
  registered_files: number;
  registration_complete: number;
  instruction_complete: number;
}

/** The latest daily measure within the period, by point of entry. */
export function documentFiguresQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT s.day, s.entry_organization_id, s.registered_files, s.registration_complete, s.instruction_complete
  FROM reporting_document_snapshot s
 WHERE s.day = (SELECT max(l.day) FROM reporting_document_snapshot l
                 WHERE l.day >= ${params.add(period.from)}::date AND l.day <= ${params.add(period.to)}::date)${
                   scope.ownOnly
                     ? `\n   AND s.entry_organization_id = ${params.add(scope.organizationId)}`
                     : ''
                 }`;
  return { text, values: params.values };
}

// ── activity ──────────────────────────────────────────────────────────────────

export interface ActivityRow {
  id: string;
  name: string;
  type: string;
  active: boolean;
  files_created: number;
  referrals_sent: number;
  referrals_received: number;
  appointments_held: number;
  reception_requests: number;
}

/**
 * Per organisation, in the period: files created and referrals sent and received (from the
 * summary), honoured appointments (through the index that starts with the organisation), reception
 * requests recorded (through their date).
 */
export function activityQuery(period: ReportingPeriod, scope: ReportingScope): SqlStatement {
  const params = new SqlParams();
  const { start, end } = periodInstants(period, params);
  const created = summaryAt(params, period.to, { sign: 1, measures: ['CREATED'] });
  const createdBefore = summaryAt(params, addDays(period.from, -1), { sign: -1, measures: ['CREATED'] });
  const from = `${params.add(period.from)}::date`;
  const to = `${params.add(period.to)}::date`;
  const text = `WITH created AS (
  SELECT s.entry_organization_id AS id, sum(s.files)::int AS n
    FROM (
  ${created}
  UNION ALL
  ${createdBefore}) s
   WHERE s.dimension = 'COMMUNE'
   GROUP BY s.entry_organization_id),
referrals AS (
  SELECT x.id, sum(x.sent)::int AS sent, sum(x.received)::int AS received
    FROM (SELECT r.from_organization_id AS id, 1 AS sent, 0 AS received
            FROM reporting_referral_fact r WHERE r.sent_on >= ${from} AND r.sent_on <= ${to}
          UNION ALL
          SELECT r.to_organization_id, 0, 1
            FROM reporting_referral_fact r WHERE r.sent_on >= ${from} AND r.sent_on <= ${to}) x
   GROUP BY x.id),
requests AS (
  SELECT rr.recorded_by_organization_id AS id, count(*)::int AS n
    FROM reception_request rr
   WHERE rr.requested_on >= ${from} AND rr.requested_on <= ${to}
   GROUP BY rr.recorded_by_organization_id)
SELECT o.id, o.name, o.type, o.active,
       COALESCE(created.n, 0) AS files_created,
       COALESCE(referrals.sent, 0) AS referrals_sent,
       COALESCE(referrals.received, 0) AS referrals_received,
       (SELECT count(*)::int FROM appointment a
         WHERE a.organization_id = o.id AND a.starts_at >= ${start} AND a.starts_at < ${end}
           AND a.outcome = 'HONOURED') AS appointments_held,
       COALESCE(requests.n, 0) AS reception_requests
  FROM organization o
  LEFT JOIN created ON created.id = o.id
  LEFT JOIN referrals ON referrals.id = o.id
  LEFT JOIN requests ON requests.id = o.id${scope.ownOnly ? `\n WHERE o.id = ${params.add(scope.organizationId)}` : ''}
 ORDER BY o.type, o.name, o.id`;
  return { text, values: params.values };
}

// ── renewal reminders ────────────────────────────────────────────────────────

export interface ReminderRow {
  id: string;
  status: string;
  sne_number: string | null;
  renewal_due_on: CalendarDate;
  applicant: {
    civility?: string;
    lastName?: string;
    usageName?: string;
    firstNames?: string;
  } | null;
  contact: Record<string, unknown> | null;
}

function remindersWhere(today: CalendarDate, scope: FileScope, params: SqlParams): string {
  const window = dueWindow(today);
  return `f.status IN ('REGISTERED', 'RENEWAL_DUE')
  AND f.renewal_due_on >= ${params.add(window.from)}::date AND f.renewal_due_on <= ${params.add(window.to)}::date
  AND NOT EXISTS (SELECT 1 FROM renewal_reminder rr WHERE rr.applicant_file_id = f.id AND rr.renewal_due_on = f.renewal_due_on)
  AND ${fileScopeSql(scope, params)}`;
}

/** The applicants to remind, soonest due first, within the caller's scope of files; and their count. */
export function remindersQueries(
  today: CalendarDate,
  scope: FileScope,
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const pageParams = new SqlParams();
  const pageText = `SELECT f.id, f.status, f.sne_number, f.renewal_due_on, f.content->'applicant' AS applicant,
  f.content->'contact' AS contact
FROM applicant_file f
WHERE ${remindersWhere(today, scope, pageParams)}
ORDER BY f.renewal_due_on, f.sort_name, f.id
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;
  const countParams = new SqlParams();
  const countText = `SELECT count(*)::int AS total
FROM applicant_file f
WHERE ${remindersWhere(today, scope, countParams)}`;
  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

/** One file in the caller's scope, with what a reminder needs (locked when writing). */
export function reminderFileQuery(id: string, scope: FileScope): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT f.id, f.status, f.sne_number, f.renewal_due_on, f.content->'applicant' AS applicant,
  f.content->'contact' AS contact
FROM applicant_file f
WHERE f.id = ${params.add(id)} AND ${fileScopeSql(scope, params)}`;
  return { text, values: params.values };
}

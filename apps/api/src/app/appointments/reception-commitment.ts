import type { CalendarDate } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import type { SqlParams } from '@api/platform/database/sql-params';
import { parisMidnight, parisTime } from './appointments.queries';

/** Organisation types whose honoured appointment receives the applicant (DOMAIN.md §7). */
export const RECEIVING_ORGANIZATION_TYPES = ['INFO_POINT', 'SOCIAL_SERVICE'] as const;

export interface ReceptionCommitmentFilter {
  applicantFileId?: string;
  /** Requests made on or after this date. */
  requestedFrom?: CalendarDate;
  /** Requests made on or before this date. */
  requestedTo?: CalendarDate;
  recordedByOrganizationId?: string;
}

/** A row of `receptionCommitmentSql`. */
export interface ReceptionCommitmentRow {
  id: string;
  applicant_file_id: string;
  requested_on: CalendarDate;
  deadline: CalendarDate;
  recorded_by_user_id: string;
  recorded_by_organization_id: string;
  created_at: Date;
  /** The first honoured appointment at an info point or social service on or after the request. */
  honoured_appointment_id: string | null;
  /** Its Paris calendar date. */
  honoured_on: CalendarDate | null;
  state: 'MET' | 'OPEN' | 'LATE';
  /** LATE only: days past the deadline until today, or until the late appointment. */
  days_late: number | null;
}

/**
 * The one-month reception commitment (CCH L441-2-8), computed on read: one row per reception
 * request (alias `rc` once wrapped), with its state on `today`.
 * - MET: an appointment at an INFO_POINT or SOCIAL_SERVICE on this file, HONOURED, starting on a
 *   Paris calendar date between `requested_on` and `deadline`, both included;
 * - LATE: not met and `today` is past the deadline; `days_late` counts the days past it until
 *   the first honoured appointment, or until today if there is none yet;
 * - OPEN: otherwise.
 * Reporting wraps it: `SELECT state, count(*) FROM (<this>) rc GROUP BY state`.
 */
export function receptionCommitmentSql(
  params: SqlParams,
  today: CalendarDate,
  filter: ReceptionCommitmentFilter = {},
): string {
  const conditions: string[] = [];
  if (filter.applicantFileId) conditions.push(`rr.applicant_file_id = ${params.add(filter.applicantFileId)}`);
  if (filter.requestedFrom) conditions.push(`rr.requested_on >= ${params.add(filter.requestedFrom)}::date`);
  if (filter.requestedTo) conditions.push(`rr.requested_on <= ${params.add(filter.requestedTo)}::date`);
  if (filter.recordedByOrganizationId) {
    conditions.push(`rr.recorded_by_organization_id = ${params.add(filter.recordedByOrganizationId)}`);
  }
  const where = conditions.length > 0 ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
  const day = `${params.add(today)}::date`;
  return `SELECT rr.id, rr.applicant_file_id, rr.requested_on, rr.deadline, rr.recorded_by_user_id,
  rr.recorded_by_organization_id, rr.created_at, h.appointment_id AS honoured_appointment_id, h.honoured_on,
  CASE WHEN h.honoured_on <= rr.deadline THEN 'MET'
       WHEN ${day} > rr.deadline THEN 'LATE'
       ELSE 'OPEN' END AS state,
  CASE WHEN h.honoured_on <= rr.deadline THEN NULL
       WHEN ${day} > rr.deadline THEN COALESCE(h.honoured_on, ${day}) - rr.deadline
       ELSE NULL END AS days_late
FROM reception_request rr
LEFT JOIN LATERAL (
  SELECT a.id AS appointment_id, ${parisTime('a.starts_at')}::date AS honoured_on
    FROM appointment a
    JOIN organization ao ON ao.id = a.organization_id
   WHERE a.applicant_file_id = rr.applicant_file_id
     AND a.outcome = 'HONOURED'
     AND ao.type IN (${sqlList(RECEIVING_ORGANIZATION_TYPES)})
     AND a.starts_at >= ${parisMidnight('rr.requested_on')}
   ORDER BY a.starts_at, a.id
   LIMIT 1) h ON TRUE${where}`;
}

import { BUSINESS_TIME_ZONE, type CalendarDate } from '@passerelle/shared/domain';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';

/**
 * The SQL of the appointment routes, in one place for reviewers (see the snapshot test). The `org`
 * scope is inside every query: an organisation sees its own appointments only. Wall-clock rules
 * (walk-in slots, calendar days) are computed by PostgreSQL in Europe/Paris, DST included.
 */

const ZONE = `'${BUSINESS_TIME_ZONE}'`;

/** `timestamptz` → the Paris wall-clock `timestamp`. */
export const parisTime = (instant: string): string => `(${instant} AT TIME ZONE ${ZONE})`;

/** Midnight, Paris, at the start of a calendar date, as an instant. */
export const parisMidnight = (date: string): string => `(${date}::date::timestamp AT TIME ZONE ${ZONE})`;

/** Whether an appointment (aliased `alias`) starts within a walk-in slot of its organisation. */
export function walkInSql(alias = 'a'): string {
  const local = parisTime(`${alias}.starts_at`);
  return `EXISTS (SELECT 1 FROM walk_in_slot ws
    WHERE ws.organization_id = ${alias}.organization_id
      AND ws.iso_weekday = EXTRACT(ISODOW FROM ${local})
      AND ${local}::time >= ws.starts_at AND ${local}::time < ws.ends_at)`;
}

export interface AppointmentFilters {
  from?: CalendarDate;
  to?: CalendarDate;
  applicantFileId?: string;
}

const APPOINTMENT_COLUMNS = `a.id, a.applicant_file_id, f.content->'applicant'->>'lastName' AS applicant_last_name,
  f.content->'applicant'->>'firstNames' AS applicant_first_names, a.organization_id,
  a.agent_user_id, u.display_name AS agent_display_name, a.starts_at, a.duration_minutes, a.outcome,
  a.created_at, ${walkInSql('a')} AS walk_in`;

const APPOINTMENT_SOURCE = `appointment a
JOIN applicant_file f ON f.id = a.applicant_file_id
LEFT JOIN app_user u ON u.id = a.agent_user_id`;

function whereClause(filters: AppointmentFilters, organizationId: string, params: SqlParams): string {
  const conditions = [`a.organization_id = ${params.add(organizationId)}`];
  if (filters.from) conditions.push(`a.starts_at >= ${parisMidnight(params.add(filters.from))}`);
  if (filters.to) conditions.push(`a.starts_at < ${parisMidnight(`(${params.add(filters.to)}::date + 1)`)}`);
  if (filters.applicantFileId)
    conditions.push(`a.applicant_file_id = ${params.add(filters.applicantFileId)}`);
  return conditions.join('\n  AND ');
}

/** One appointment of the organisation. */
export function appointmentQuery(id: string, organizationId: string): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT ${APPOINTMENT_COLUMNS}
FROM ${APPOINTMENT_SOURCE}
WHERE a.id = ${params.add(id)} AND a.organization_id = ${params.add(organizationId)}`;
  return { text, values: params.values };
}

/** A page of the organisation's appointments between two Paris calendar dates, by start time. */
export function appointmentListQueries(
  filters: AppointmentFilters,
  organizationId: string,
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const pageParams = new SqlParams();
  const pageText = `SELECT ${APPOINTMENT_COLUMNS}
FROM ${APPOINTMENT_SOURCE}
WHERE ${whereClause(filters, organizationId, pageParams)}
ORDER BY a.starts_at ASC, a.id ASC
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;

  const countParams = new SqlParams();
  const countText = `SELECT count(*)::int AS total
FROM appointment a
WHERE ${whereClause(filters, organizationId, countParams)}`;

  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

/**
 * Every occurrence of the organisation's recurring walk-in slots on the calendar dates `from`…`to`
 * (inclusive): the Paris wall-clock times of each day, turned into instants by PostgreSQL, so that
 * 8:00 is 07:00Z in winter and 06:00Z in summer.
 */
export function walkInOccurrencesQuery(
  organizationId: string,
  from: CalendarDate,
  to: CalendarDate,
): SqlStatement {
  const params = new SqlParams();
  const organization = params.add(organizationId);
  const first = params.add(from);
  const last = params.add(to);
  const text = `SELECT ws.organization_id, (d.day + ws.starts_at) AT TIME ZONE ${ZONE} AS starts_at,
  (d.day + ws.ends_at) AT TIME ZONE ${ZONE} AS ends_at
FROM generate_series(0, ${last}::date - ${first}::date) AS n(i)
CROSS JOIN LATERAL (SELECT ${first}::date + n.i AS day) d
JOIN walk_in_slot ws ON ws.organization_id = ${organization} AND ws.iso_weekday = EXTRACT(ISODOW FROM d.day)
ORDER BY d.day, ws.starts_at, ws.id`;
  return { text, values: params.values };
}

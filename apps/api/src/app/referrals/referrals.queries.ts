import type { ReferralStatus } from '@passerelle/shared/domain';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';

/**
 * The SQL of the referral routes, in one place for reviewers (see the snapshot test). The `org`
 * scope of ACCESS.md is inside every query: referrals sent by or addressed to the caller's
 * organisation, never load-then-filter.
 */

export const REFERRAL_DIRECTIONS = ['received', 'sent'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export interface ReferralFilters {
  direction?: ReferralDirection;
  status?: ReferralStatus;
  applicantFileId?: string;
}

const REFERRAL_COLUMNS = `r.id, r.applicant_file_id, f.content->'applicant'->>'lastName' AS applicant_last_name,
  f.content->'applicant'->>'firstNames' AS applicant_first_names,
  r.from_organization_id, fo.name AS from_organization_name, fo.type AS from_organization_type,
  r.from_user_id, fu.display_name AS from_display_name,
  r.to_organization_id, tor.name AS to_organization_name, tor.type AS to_organization_type,
  r.reason, r.suspected_criteria, r.appointment_wish, r.status, r.decline_reason,
  r.created_at, r.responded_at, r.done_at`;

const REFERRAL_SOURCE = `referral r
JOIN applicant_file f ON f.id = r.applicant_file_id
JOIN organization fo ON fo.id = r.from_organization_id
JOIN app_user fu ON fu.id = r.from_user_id
JOIN organization tor ON tor.id = r.to_organization_id`;

/** Sent by the organisation, addressed to it, or either. */
function organizationScope(
  organizationId: string,
  direction: ReferralDirection | undefined,
  params: SqlParams,
): string {
  const organization = params.add(organizationId);
  if (direction === 'received') return `r.to_organization_id = ${organization}`;
  if (direction === 'sent') return `r.from_organization_id = ${organization}`;
  return `(r.to_organization_id = ${organization} OR r.from_organization_id = ${organization})`;
}

function whereClause(filters: ReferralFilters, organizationId: string, params: SqlParams): string {
  const conditions = [organizationScope(organizationId, filters.direction, params)];
  if (filters.status) conditions.push(`r.status = ${params.add(filters.status)}`);
  if (filters.applicantFileId)
    conditions.push(`r.applicant_file_id = ${params.add(filters.applicantFileId)}`);
  return conditions.join('\n  AND ');
}

/** One referral, if the organisation sent or received it. */
export function referralQuery(id: string, organizationId: string): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT ${REFERRAL_COLUMNS}
FROM ${REFERRAL_SOURCE}
WHERE r.id = ${params.add(id)} AND ${organizationScope(organizationId, undefined, params)}`;
  return { text, values: params.values };
}

/** A page of the organisation's referrals, newest first, and their total. */
export function referralListQueries(
  filters: ReferralFilters,
  organizationId: string,
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const pageParams = new SqlParams();
  const pageText = `SELECT ${REFERRAL_COLUMNS}
FROM ${REFERRAL_SOURCE}
WHERE ${whereClause(filters, organizationId, pageParams)}
ORDER BY r.created_at DESC, r.id DESC
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;

  const countParams = new SqlParams();
  const countText = `SELECT count(*)::int AS total
FROM referral r
WHERE ${whereClause(filters, organizationId, countParams)}`;

  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

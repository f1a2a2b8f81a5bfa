import type { AuditAction, TimelineEventType, TimelineVisibility } from '@passerelle/shared/domain';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { sqlList } from '@api/platform/database/sql';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';
import type { FieldChange } from './timeline-event.entity';

/**
 * The SQL of the timeline, in one place for reviewers (see the snapshot test). The caller's scope
 * is inside both statements: a file out of scope answers like a missing one, through the same ones.
 */

const LIFECYCLE_EVENTS: readonly TimelineEventType[] = [
  'REGISTERED',
  'RENEWED',
  'CLOSED',
  'DUPLICATE_MERGED',
  'LEASE_SIGNED',
];

/** The audit entry that an event of this type stands for. */
export function auditActionOf(type: TimelineEventType): AuditAction {
  if (type === 'FILE_CREATED') return 'CREATE';
  return LIFECYCLE_EVENTS.includes(type) ? 'LIFECYCLE' : 'UPDATE';
}

export interface NewTimelineEvent {
  applicantFileId: string;
  type: TimelineEventType;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  changes?: FieldChange[] | null;
  details?: Record<string, unknown> | null;
  visibility?: TimelineVisibility;
}

/** An event, stamped with the statement's own time (several events of one transaction keep their order). */
export function timelineInsertStatement(event: NewTimelineEvent): SqlStatement {
  return {
    text: `WITH inserted AS (
         INSERT INTO timeline_event (applicant_file_id, type, actor_user_id, actor_organization_id, changes, details, visibility, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
         RETURNING *)
       SELECT i.id, i.occurred_at, i.type, i.visibility, i.changes, i.details, i.actor_user_id,
              u.display_name AS actor_display_name, i.actor_organization_id, o.name AS actor_organization_name
         FROM inserted i
         LEFT JOIN app_user u ON u.id = i.actor_user_id
         LEFT JOIN organization o ON o.id = i.actor_organization_id`,
    values: [
      event.applicantFileId,
      event.type,
      event.actorUserId,
      event.actorOrganizationId,
      event.changes ? JSON.stringify(event.changes) : null,
      event.details ? JSON.stringify(event.details) : null,
      event.visibility ?? 'ALL',
    ],
  };
}

/** Events about a supporting document (`details.documentId`): its sensitivity decides what shows. */
export const DOCUMENT_EVENTS: readonly TimelineEventType[] = ['DOCUMENT_ADDED', 'DOCUMENT_CHECKED'];

/** Events about a referral (`details.referralId`): its two organisations decide who reads its text. */
export const REFERRAL_EVENTS: readonly TimelineEventType[] = [
  'REFERRAL_SENT',
  'REFERRAL_ACCEPTED',
  'REFERRAL_DECLINED',
  'REFERRAL_DONE',
];

/**
 * A page of a file's events that the caller's view shows, newest first, with what the field rules
 * need: the document's sensitivity and uploader now (it may have been marked since), the referral's
 * two organisations. The count answers no row when the file is missing or out of scope (then 404).
 */
export function timelinePageQueries(
  fileId: string,
  scope: FileScope,
  visibilities: readonly TimelineVisibility[],
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const pageParams = new SqlParams();
  const pageText = `SELECT e.id, e.occurred_at, e.type, e.visibility, e.changes, e.details, e.actor_user_id,
  u.display_name AS actor_display_name, e.actor_organization_id, o.name AS actor_organization_name,
  d.sensitive AS document_sensitive, d.uploaded_by_organization_id AS document_uploaded_by_organization_id,
  r.from_organization_id AS referral_from_organization_id, r.to_organization_id AS referral_to_organization_id
FROM timeline_event e
JOIN applicant_file f ON f.id = e.applicant_file_id
LEFT JOIN app_user u ON u.id = e.actor_user_id
LEFT JOIN organization o ON o.id = e.actor_organization_id
LEFT JOIN supporting_document d
  ON e.type IN (${sqlList(DOCUMENT_EVENTS)}) AND d.id = (e.details->>'documentId')::uuid
LEFT JOIN referral r
  ON e.type IN (${sqlList(REFERRAL_EVENTS)}) AND r.id = (e.details->>'referralId')::uuid
WHERE e.applicant_file_id = ${pageParams.add(fileId)} AND ${fileScopeSql(scope, pageParams)}
  AND e.visibility = ANY(${pageParams.add(visibilities)}::varchar[])
ORDER BY e.occurred_at DESC, e.id DESC
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;
  const countParams = new SqlParams();
  const countText = `SELECT (SELECT count(*)::int FROM timeline_event e
          WHERE e.applicant_file_id = f.id AND e.visibility = ANY(${countParams.add(visibilities)}::varchar[])) AS total
FROM applicant_file f
WHERE f.id = ${countParams.add(fileId)} AND ${fileScopeSql(scope, countParams)}`;
  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

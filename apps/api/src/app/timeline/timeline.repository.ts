import { Injectable } from '@nestjs/common';
import type { AuditAction, TimelineEventType, TimelineVisibility } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { AuditRepository } from '@api/app/audit/audit.repository';
import type { FileScope } from '@api/app/access/file-scope';
import type { FieldChange } from './timeline-event.entity';
import { timelinePageQueries } from './timeline.queries';

const LIFECYCLE_EVENTS: readonly TimelineEventType[] = [
  'REGISTERED',
  'RENEWED',
  'CLOSED',
  'DUPLICATE_MERGED',
  'LEASE_SIGNED',
];

function auditActionOf(type: TimelineEventType): AuditAction {
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

export interface TimelineRow {
  id: string;
  occurred_at: Date;
  type: TimelineEventType;
  visibility: TimelineVisibility;
  changes: FieldChange[] | null;
  details: Record<string, unknown> | null;
  actor_user_id: string | null;
  actor_display_name: string | null;
  actor_organization_id: string | null;
  actor_organization_name: string | null;
}

/** What the field rules read beside an event (timelinePageQueries). */
export interface TimelineEventFacts {
  /** Null when the event is not about a document, or the document is gone (anonymised). */
  document_sensitive: boolean | null;
  document_uploaded_by_organization_id: string | null;
  /** Null when the event is not about a referral. */
  referral_from_organization_id: string | null;
  referral_to_organization_id: string | null;
}

export type TimelinePageRow = TimelineRow & TimelineEventFacts;

@Injectable()
export class TimelineRepository {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  /** Written with the change it records: pass the transaction's `Db`. Stamped with the statement's
   * own time, so that several events of one transaction keep their order. */
  async insert(db: Db, event: NewTimelineEvent): Promise<TimelineRow> {
    const rows = await db.query<TimelineRow[]>(
      `WITH inserted AS (
         INSERT INTO timeline_event (applicant_file_id, type, actor_user_id, actor_organization_id, changes, details, visibility, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
         RETURNING *)
       SELECT i.id, i.occurred_at, i.type, i.visibility, i.changes, i.details, i.actor_user_id,
              u.display_name AS actor_display_name, i.actor_organization_id, o.name AS actor_organization_name
         FROM inserted i
         LEFT JOIN app_user u ON u.id = i.actor_user_id
         LEFT JOIN organization o ON o.id = i.actor_organization_id`,
      [
        event.applicantFileId,
        event.type,
        event.actorUserId,
        event.actorOrganizationId,
        event.changes ? JSON.stringify(event.changes) : null,
        event.details ? JSON.stringify(event.details) : null,
        event.visibility ?? 'ALL',
      ],
    );
    // Every write of a file's data is a timeline event: its audit entry commits with it.
    if (event.actorUserId) await this.audit.record(auditActionOf(event.type), [event.applicantFileId], db);
    return rows[0] as TimelineRow;
  }

  /**
   * A page of a file's events, newest first, if the file is in `scope` (else null: 404);
   * `visibilities` limits what the caller may see.
   */
  async page(
    fileId: string,
    scope: FileScope,
    visibilities: readonly TimelineVisibility[],
    page: { limit: number; offset: number },
  ): Promise<{ rows: TimelinePageRow[]; total: number } | null> {
    const queries = timelinePageQueries(fileId, scope, visibilities, page);
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<TimelinePageRow[]>(queries.page.text, queries.page.values),
      db.query<{ total: number }[]>(queries.count.text, queries.count.values),
    ]);
    return count[0] ? { rows, total: count[0].total } : null;
  }
}

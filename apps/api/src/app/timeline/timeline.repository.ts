import { Injectable } from '@nestjs/common';
import type { AuditAction, TimelineEventType, TimelineVisibility } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { AuditRepository } from '@api/app/audit/audit.repository';
import type { FieldChange } from './timeline-event.entity';

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

  /** A page of a file's events, newest first; `visibilities` limits what the caller may see. */
  async page(
    fileId: string,
    visibilities: readonly TimelineVisibility[],
    page: { limit: number; offset: number },
  ): Promise<{ rows: TimelineRow[]; total: number }> {
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<TimelineRow[]>(
        `SELECT e.id, e.occurred_at, e.type, e.visibility, e.changes, e.details, e.actor_user_id,
                u.display_name AS actor_display_name, e.actor_organization_id, o.name AS actor_organization_name
           FROM timeline_event e
           LEFT JOIN app_user u ON u.id = e.actor_user_id
           LEFT JOIN organization o ON o.id = e.actor_organization_id
          WHERE e.applicant_file_id = $1 AND e.visibility = ANY($2::varchar[])
          ORDER BY e.occurred_at DESC, e.id DESC
          LIMIT $3 OFFSET $4`,
        [fileId, visibilities, page.limit, page.offset],
      ),
      db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM timeline_event WHERE applicant_file_id = $1 AND visibility = ANY($2::varchar[])`,
        [fileId, visibilities],
      ),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }
}

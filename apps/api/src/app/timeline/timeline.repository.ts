import { Injectable } from '@nestjs/common';
import type { TimelineEventType, TimelineVisibility } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { AuditRepository } from '@api/app/audit/audit.repository';
import type { FileScope } from '@api/app/access/file-scope';
import type { FieldChange } from './timeline-event.entity';
import {
  type NewTimelineEvent,
  auditActionOf,
  timelineInsertStatement,
  timelinePageQueries,
} from './timeline.queries';

export type { NewTimelineEvent } from './timeline.queries';

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
    const { text, values } = timelineInsertStatement(event);
    const rows = await db.query<TimelineRow[]>(text, values);
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

import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditFieldChange, AuditTargetType } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type Actor, actorOf, auditEntriesStatement, originOf } from './read-audit';

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  organization_id: string | null;
  applicant_file_id: string | null;
  action: AuditAction;
  route: string;
  request_id: string | null;
  client_address: string | null;
  target_type: AuditTargetType | null;
  target_id: string | null;
  /** The target's display name or name as it is now; null when it no longer exists. */
  target_name: string | null;
  changed_fields: AuditFieldChange[] | null;
}

export interface AuditFilter {
  applicantFileId?: string;
  userId?: string;
  targetId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** The account or organisation an administration entry changed. */
export interface AuditedTarget {
  type: AuditTargetType;
  id: string;
}

/**
 * Writes and reads the append-only access log. The actor, route, request id and client address
 * come from the request context.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * One entry per file (or one without a file). Writes pass their transaction's `Db`, so that the
   * entry and the change commit together.
   */
  async record(
    action: AuditAction,
    fileIds: readonly (string | null)[],
    db: Db = this.transactions.pool,
    actor: Actor = {},
  ): Promise<void> {
    if (fileIds.length === 0) return;
    const { text, values } = auditEntriesStatement(action, fileIds, actor);
    await db.query(text, values);
  }

  /**
   * An administration entry: which account or organisation, which fields (values only when they
   * are not personal data: the caller chooses, see AuditFieldChange). In the change's transaction.
   */
  async recordAdmin(
    db: Db,
    target: AuditedTarget,
    changedFields: readonly AuditFieldChange[],
    actor: Actor = {},
  ): Promise<void> {
    const [userId, username, organizationId, route] = actorOf(actor);
    const [requestId, clientAddress] = originOf();
    await db.query(
      `INSERT INTO audit_entry (user_id, username, organization_id, action, route, request_id, client_address,
         target_type, target_id, changed_fields)
       VALUES ($1, $2, $3, 'ADMIN', $4, $5, $6, $7, $8, $9::jsonb)`,
      [
        userId,
        username,
        organizationId,
        route,
        requestId,
        clientAddress,
        target.type,
        target.id,
        JSON.stringify(changedFields),
      ],
    );
  }

  async page(
    filter: AuditFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AuditRow[]; total: number }> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.applicantFileId) add('a.applicant_file_id = ?', filter.applicantFileId);
    if (filter.userId) add('a.user_id = ?', filter.userId);
    if (filter.targetId) add('a.target_id = ?', filter.targetId);
    if (filter.action) add('a.action = ?', filter.action);
    // Calendar dates are Paris days: [from 00:00, to + 1 day 00:00) in Europe/Paris.
    if (filter.from) add(`a.at >= (?::date)::timestamp AT TIME ZONE 'Europe/Paris'`, filter.from);
    if (filter.to) add(`a.at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`, filter.to);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<AuditRow[]>(
        `SELECT a.id, a.at, a.user_id, a.username, a.organization_id, a.applicant_file_id, a.action, a.route,
                a.request_id, a.client_address, a.target_type, a.target_id, a.changed_fields,
                coalesce(target_user.display_name, target_organization.name) AS target_name
           FROM audit_entry a
           LEFT JOIN app_user target_user ON a.target_type = 'USER' AND target_user.id = a.target_id
           LEFT JOIN organization target_organization
             ON a.target_type = 'ORGANIZATION' AND target_organization.id = a.target_id
          ${where}
          ORDER BY a.at DESC, a.id DESC
          LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
        [...values, page.limit, page.offset],
      ),
      db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM audit_entry a ${where}`, values),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  /**
   * Retention: entries older than twelve months go, through audit_entry_purge(), which runs as the
   * table's owner: the API's own role may not delete from the log at all.
   */
  async purge(db: Db): Promise<number> {
    const [row] = await db.query<{ removed: number }[]>('SELECT audit_entry_purge() AS removed');
    return row?.removed ?? 0;
  }
}

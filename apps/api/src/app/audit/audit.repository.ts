import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type Actor, actorOf } from './read-audit';

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  organization_id: string | null;
  applicant_file_id: string | null;
  action: AuditAction;
  route: string;
}

export interface AuditFilter {
  applicantFileId?: string;
  userId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** Writes and reads the append-only access log. The actor and route come from the request context. */
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
    const [userId, username, organizationId, route] = actorOf(actor);
    await db.query(
      `INSERT INTO audit_entry (user_id, username, organization_id, applicant_file_id, action, route)
       SELECT $1, $2, $3, file_id, $4, $5 FROM unnest($6::uuid[]) AS file_id`,
      [userId, username, organizationId, action, route, [...new Set(fileIds)]],
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
    if (filter.action) add('a.action = ?', filter.action);
    // Calendar dates are Paris days: [from 00:00, to + 1 day 00:00) in Europe/Paris.
    if (filter.from) add(`a.at >= (?::date)::timestamp AT TIME ZONE 'Europe/Paris'`, filter.from);
    if (filter.to) add(`a.at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`, filter.to);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<AuditRow[]>(
        `SELECT a.id, a.at, a.user_id, a.username, a.organization_id, a.applicant_file_id, a.action, a.route
           FROM audit_entry a ${where}
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

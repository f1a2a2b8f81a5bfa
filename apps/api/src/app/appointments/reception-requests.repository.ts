import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@passerelle/shared/domain';
import { SqlParams } from '@api/platform/database/sql-params';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';
import { type ReceptionCommitmentRow, receptionCommitmentSql } from './reception-commitment';

export interface ReceptionRequestRow extends ReceptionCommitmentRow {
  recorded_by_organization_name: string;
}

/** The only class that reads and writes reception requests; their state is computed on read. */
@Injectable()
export class ReceptionRequestsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    db: Db,
    request: {
      applicantFileId: string;
      requestedOn: CalendarDate;
      deadline: CalendarDate;
      userId: string;
      organizationId: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO reception_request (applicant_file_id, requested_on, deadline, recorded_by_user_id,
         recorded_by_organization_id)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [
        request.applicantFileId,
        request.requestedOn,
        request.deadline,
        request.userId,
        request.organizationId,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async find(db: Db, id: string, today: CalendarDate): Promise<ReceptionRequestRow | null> {
    const params = new SqlParams();
    const commitment = receptionCommitmentSql(params, today);
    const rows = await db.query<ReceptionRequestRow[]>(
      `SELECT rc.*, o.name AS recorded_by_organization_name
         FROM (${commitment}) rc
         JOIN organization o ON o.id = rc.recorded_by_organization_id
        WHERE rc.id = ${params.add(id)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /**
   * A file's requests, newest first, with their state on `today`, if the file is in `scope` (else
   * null: 404). The count answers no row for a file missing or out of scope.
   */
  async listForFile(
    fileId: string,
    scope: FileScope,
    today: CalendarDate,
    page: { limit: number; offset: number },
  ): Promise<{ rows: ReceptionRequestRow[]; total: number } | null> {
    const params = new SqlParams();
    const commitment = receptionCommitmentSql(params, today, { applicantFileId: fileId });
    const countParams = new SqlParams();
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<ReceptionRequestRow[]>(
        `SELECT rc.*, o.name AS recorded_by_organization_name
           FROM (${commitment}) rc
           JOIN organization o ON o.id = rc.recorded_by_organization_id
           JOIN applicant_file f ON f.id = rc.applicant_file_id
          WHERE ${fileScopeSql(scope, params)}
          ORDER BY rc.requested_on DESC, rc.created_at DESC, rc.id DESC
          LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      ),
      db.query<{ total: number }[]>(
        `SELECT (SELECT count(*)::int FROM reception_request rr WHERE rr.applicant_file_id = f.id) AS total
           FROM applicant_file f WHERE f.id = ${countParams.add(fileId)} AND ${fileScopeSql(scope, countParams)}`,
        countParams.values,
      ),
    ]);
    return count[0] ? { rows, total: count[0].total } : null;
  }
}

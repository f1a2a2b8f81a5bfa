import { Injectable } from '@nestjs/common';
import type { Diagnosis, EvaluationKind } from '@passerelle/shared/domain';
import { SqlParams } from '@api/platform/database/sql-params';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';

export interface EvaluationRow {
  id: string;
  applicant_file_id: string;
  kind: EvaluationKind;
  notes: string;
  diagnosis: Diagnosis | null;
  author_user_id: string;
  author_display_name: string;
  author_organization_id: string;
  author_organization_name: string;
  created_at: Date;
  applied_at: Date | null;
}

const SELECT = `SELECT e.id, e.applicant_file_id, e.kind, e.notes, e.diagnosis, e.author_user_id,
  u.display_name AS author_display_name, e.author_organization_id, o.name AS author_organization_name,
  e.created_at, e.applied_at`;
const FROM = (source: string) =>
  `FROM ${source} e JOIN app_user u ON u.id = e.author_user_id JOIN organization o ON o.id = e.author_organization_id`;

/** The only class that reads and writes evaluations. */
@Injectable()
export class EvaluationsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    db: Db,
    evaluation: {
      fileId: string;
      kind: EvaluationKind;
      notes: string;
      diagnosis: Diagnosis | null;
      userId: string;
      organizationId: string;
    },
  ): Promise<EvaluationRow> {
    const rows = await db.query<EvaluationRow[]>(
      `WITH inserted AS (
         INSERT INTO evaluation (applicant_file_id, kind, notes, diagnosis, author_user_id, author_organization_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       ${SELECT} ${FROM('inserted')}`,
      [
        evaluation.fileId,
        evaluation.kind,
        evaluation.notes,
        evaluation.diagnosis,
        evaluation.userId,
        evaluation.organizationId,
      ],
    );
    return rows[0] as EvaluationRow;
  }

  /**
   * A page of a file's evaluations of these kinds, newest first, if the file is in `scope` (else
   * null: 404). The count answers no row for a file missing or out of scope.
   */
  async page(
    fileId: string,
    scope: FileScope,
    kinds: readonly EvaluationKind[],
    page: { limit: number; offset: number },
  ): Promise<{ rows: EvaluationRow[]; total: number } | null> {
    const pageParams = new SqlParams();
    const pageText = `${SELECT} ${FROM('evaluation')} JOIN applicant_file f ON f.id = e.applicant_file_id
          WHERE e.applicant_file_id = ${pageParams.add(fileId)} AND ${fileScopeSql(scope, pageParams)}
            AND e.kind = ANY(${pageParams.add(kinds)}::varchar[])
          ORDER BY e.created_at DESC, e.id DESC LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;
    const countParams = new SqlParams();
    const countText = `SELECT (SELECT count(*)::int FROM evaluation e
                   WHERE e.applicant_file_id = f.id AND e.kind = ANY(${countParams.add(kinds)}::varchar[])) AS total
          FROM applicant_file f WHERE f.id = ${countParams.add(fileId)} AND ${fileScopeSql(scope, countParams)}`;
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<EvaluationRow[]>(pageText, pageParams.values),
      db.query<{ total: number }[]>(countText, countParams.values),
    ]);
    return count[0] ? { rows, total: count[0].total } : null;
  }

  /** The evaluation, of a kind the caller reads, on a file in `scope`, locked; else null (404). */
  async lockInScope(
    db: Db,
    id: string,
    kinds: readonly EvaluationKind[],
    scope: FileScope,
  ): Promise<EvaluationRow | null> {
    const params = new SqlParams();
    const rows = await db.query<EvaluationRow[]>(
      `${SELECT} ${FROM('evaluation')} JOIN applicant_file f ON f.id = e.applicant_file_id
        WHERE e.id = ${params.add(id)} AND e.kind = ANY(${params.add(kinds)}::varchar[])
          AND ${fileScopeSql(scope, params)}
        FOR UPDATE OF e`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async markApplied(db: Db, id: string): Promise<EvaluationRow> {
    const rows = await db.query<EvaluationRow[]>(
      `WITH updated AS (UPDATE evaluation SET applied_at = now() WHERE id = $1 RETURNING *) ${SELECT} ${FROM('updated')}`,
      [id],
    );
    return rows[0] as EvaluationRow;
  }
}

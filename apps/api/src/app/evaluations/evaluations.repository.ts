import { Injectable } from '@nestjs/common';
import type { Diagnosis, EvaluationKind } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';

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

  async page(
    fileId: string,
    kinds: readonly EvaluationKind[],
    page: { limit: number; offset: number },
  ): Promise<{ rows: EvaluationRow[]; total: number }> {
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<EvaluationRow[]>(
        `${SELECT} ${FROM('evaluation')}
          WHERE e.applicant_file_id = $1 AND e.kind = ANY($2::varchar[])
          ORDER BY e.created_at DESC, e.id DESC LIMIT $3 OFFSET $4`,
        [fileId, kinds, page.limit, page.offset],
      ),
      db.query<{ total: number }[]>(
        'SELECT count(*)::int AS total FROM evaluation WHERE applicant_file_id = $1 AND kind = ANY($2::varchar[])',
        [fileId, kinds],
      ),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  async lock(db: Db, id: string): Promise<EvaluationRow | null> {
    const rows = await db.query<EvaluationRow[]>(
      `${SELECT} ${FROM('evaluation')} WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
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

import { Injectable } from '@nestjs/common';
import type { FlagStatus, FragilityCriterion } from '@passerelle/shared/domain';
import { SqlParams } from '@api/platform/database/sql-params';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';

export interface FlagRow {
  id: string;
  applicant_file_id: string;
  criterion: FragilityCriterion;
  status: FlagStatus;
  suspicion_note: string | null;
  suspected_at: Date;
  suspected_by_user_id: string;
  suspected_by_organization_id: string;
  suspected_by_organization_name: string;
  referral_id: string | null;
  decision_note: string | null;
  decided_on: string | null;
  decided_at: Date | null;
}

const FLAG_COLUMNS = `ff.id, ff.applicant_file_id, ff.criterion, ff.status, ff.suspicion_note, ff.suspected_at,
  ff.suspected_by_user_id, ff.suspected_by_organization_id, o.name AS suspected_by_organization_name, ff.referral_id,
  ff.decision_note, ff.decided_on, ff.decided_at`;

/** The only class that reads and writes fragility flags. */
@Injectable()
export class FragilityRepository {
  constructor(private readonly transactions: Transactions) {}

  /** A SUSPECTED flag on the current version of the criterion (also used by referrals). */
  async insertSuspected(
    db: Db,
    flag: {
      applicantFileId: string;
      criterion: FragilityCriterion;
      note: string | null;
      userId: string;
      organizationId: string;
      referralId?: string | null;
    },
  ): Promise<FlagRow> {
    const rows = await db.query<FlagRow[]>(
      `WITH inserted AS (
         INSERT INTO fragility_flag (applicant_file_id, criterion_id, criterion, status, suspicion_note,
                                     suspected_by_user_id, suspected_by_organization_id, referral_id)
         SELECT $1, c.id, c.code, 'SUSPECTED', $3, $4, $5, $6
           FROM fragility_criterion c WHERE c.code = $2 AND c.current
         RETURNING *)
       SELECT ${FLAG_COLUMNS} FROM inserted ff JOIN organization o ON o.id = ff.suspected_by_organization_id`,
      [
        flag.applicantFileId,
        flag.criterion,
        flag.note,
        flag.userId,
        flag.organizationId,
        flag.referralId ?? null,
      ],
    );
    if (!rows[0]) throw new Error(`No current criterion ${flag.criterion}`);
    return rows[0];
  }

  /**
   * Flags of a file in `scope` (else null: 404); `suspectedByOrganizationId` limits SUSPECTED ones to
   * that organisation's. The count answers no row for a file missing or out of scope.
   */
  async listForFile(
    fileId: string,
    scope: FileScope,
    filter: { statuses: readonly FlagStatus[]; suspectedByOrganizationId?: string },
    page: { limit: number; offset: number },
  ): Promise<{ rows: FlagRow[]; total: number } | null> {
    const shown = (params: SqlParams) => {
      const suspectedBy = params.add(filter.suspectedByOrganizationId ?? null);
      return `ff.status = ANY(${params.add(filter.statuses)}::varchar[])
          AND (${suspectedBy}::uuid IS NULL OR ff.status <> 'SUSPECTED' OR ff.suspected_by_organization_id = ${suspectedBy})`;
    };
    const pageParams = new SqlParams();
    const pageText = `SELECT ${FLAG_COLUMNS}
           FROM fragility_flag ff JOIN organization o ON o.id = ff.suspected_by_organization_id
           JOIN applicant_file f ON f.id = ff.applicant_file_id
          WHERE ff.applicant_file_id = ${pageParams.add(fileId)} AND ${fileScopeSql(scope, pageParams)}
            AND ${shown(pageParams)}
          ORDER BY ff.suspected_at DESC, ff.id DESC
          LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;
    const countParams = new SqlParams();
    const countText = `SELECT (SELECT count(*)::int FROM fragility_flag ff
                   WHERE ff.applicant_file_id = f.id AND ${shown(countParams)}) AS total
           FROM applicant_file f WHERE f.id = ${countParams.add(fileId)} AND ${fileScopeSql(scope, countParams)}`;
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<FlagRow[]>(pageText, pageParams.values),
      db.query<{ total: number }[]>(countText, countParams.values),
    ]);
    return count[0] ? { rows, total: count[0].total } : null;
  }

  /** The flag, if its file is in `scope`, locked for a decision; else null (404). */
  async lockInScope(db: Db, flagId: string, scope: FileScope): Promise<FlagRow | null> {
    const params = new SqlParams();
    const rows = await db.query<FlagRow[]>(
      `SELECT ${FLAG_COLUMNS} FROM fragility_flag ff JOIN organization o ON o.id = ff.suspected_by_organization_id
         JOIN applicant_file f ON f.id = ff.applicant_file_id
        WHERE ff.id = ${params.add(flagId)} AND ${fileScopeSql(scope, params)}
        FOR UPDATE OF ff`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async decide(
    db: Db,
    flagId: string,
    decision: { status: 'CONFIRMED' | 'RULED_OUT'; note: string; decidedOn: string; userId: string },
  ): Promise<FlagRow> {
    const rows = await db.query<FlagRow[]>(
      `WITH updated AS (
         UPDATE fragility_flag SET status = $2, decision_note = $3, decided_on = $4, decided_by_user_id = $5, decided_at = now()
          WHERE id = $1 RETURNING *)
       SELECT ${FLAG_COLUMNS} FROM updated ff JOIN organization o ON o.id = ff.suspected_by_organization_id`,
      [flagId, decision.status, decision.note, decision.decidedOn, decision.userId],
    );
    return rows[0] as FlagRow;
  }

  /** Recomputes the file's confirmed criteria (its priority) from its flags. */
  async refreshPriority(db: Db, fileId: string): Promise<void> {
    await db.query(
      `UPDATE applicant_file SET priority_criteria = ARRAY(
          SELECT DISTINCT ff.criterion FROM fragility_flag ff
           WHERE ff.applicant_file_id = $1 AND ff.status = 'CONFIRMED' ORDER BY ff.criterion)::varchar[]
        WHERE id = $1`,
      [fileId],
    );
  }
}

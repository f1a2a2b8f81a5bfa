import { Injectable } from '@nestjs/common';
import type {
  ApplicantFileContent,
  FileIndexFields,
  FileStatus,
  ClosureReason,
} from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import type { FileScope } from '@api/app/access/file-scope';
import {
  FILE_RETURNING,
  type FileFilters,
  type NewFile,
  duplicateCandidatesQuery,
  fileContentUpdateStatement,
  fileDetailQuery,
  fileInsertStatement,
  fileLinkStatement,
  fileLockQuery,
  fileSearchQuery,
  knownCommunesQuery,
} from './applicant-files.queries';
import type { FileOrganizationLink } from './file-organization.entity';
import {
  type DuplicateCandidateRow,
  type FileRecord,
  type FileRow,
  type FileSummaryRow,
  toFileRecord,
} from './file-record';

/** The lifecycle columns a transition may set. */
export interface LifecycleChanges {
  status?: FileStatus;
  sneNumber?: string;
  registeredOn?: string;
  lastRenewedOn?: string;
  renewalDueOn?: string;
  seniorityDate?: string;
  closureReason?: ClosureReason;
  closedOn?: string;
  keptFileId?: string | null;
}

const LIFECYCLE_COLUMNS: Record<keyof LifecycleChanges, string> = {
  status: 'status',
  sneNumber: 'sne_number',
  registeredOn: 'registered_on',
  lastRenewedOn: 'last_renewed_on',
  renewalDueOn: 'renewal_due_on',
  seniorityDate: 'seniority_date',
  closureReason: 'closure_reason',
  closedOn: 'closed_on',
  keptFileId: 'kept_file_id',
};

/** The only class that reads and writes applicant files. Every read applies the caller's scope. */
@Injectable()
export class ApplicantFilesRepository {
  constructor(private readonly transactions: Transactions) {}

  async findInScope(
    id: string,
    scope: FileScope,
    db: Db = this.transactions.pool,
  ): Promise<FileRecord | null> {
    const { text, values } = fileDetailQuery(id, scope);
    const rows = await db.query<FileRow[]>(text, values);
    return rows[0] ? toFileRecord(rows[0]) : null;
  }

  /** The same for a caller who reads it (files.read): the read is logged by the same statement. */
  async readInScope(id: string, scope: FileScope): Promise<FileRecord | null> {
    const { text, values } = fileDetailQuery(id, scope, { logRead: true });
    const rows = await this.transactions.prepared.query<FileRow[]>(text, values);
    return rows[0] ? toFileRecord(rows[0]) : null;
  }

  /** The same, locked until the end of the transaction: the version check then holds. */
  async lockInScope(db: Db, id: string, scope: FileScope): Promise<FileRecord | null> {
    const { text, values } = fileLockQuery(id, scope);
    const rows = await db.query<FileRow[]>(text, values);
    return rows[0] ? toFileRecord(rows[0]) : null;
  }

  /** One statement: the page and its exact total (see fileSearchQuery), the read of the page logged. */
  async search(
    filters: FileFilters,
    scope: FileScope,
    page: { limit: number; offset: number },
  ): Promise<{ rows: FileSummaryRow[]; total: number }> {
    const { text, values } = fileSearchQuery(filters, scope, page, { logRead: true });
    const rows = await this.transactions.pool.query<(FileSummaryRow & { total: number })[]>(text, values);
    return { rows: rows.filter((row) => row.id !== null), total: rows[0]?.total ?? 0 };
  }

  async insert(db: Db, file: NewFile): Promise<FileRecord> {
    const { text, values } = fileInsertStatement(file);
    const rows = await db.query<FileRow[]>(text, values);
    return toFileRecord(rows[0] as FileRow);
  }

  async link(db: Db, fileId: string, organizationId: string, link: FileOrganizationLink): Promise<void> {
    const { text, values } = fileLinkStatement(fileId, organizationId, link);
    await db.query(text, values);
  }

  /** Replaces the content (and what derives from it) and bumps the version. */
  async updateContent(
    db: Db,
    id: string,
    content: ApplicantFileContent,
    index: FileIndexFields,
  ): Promise<FileRecord> {
    const { text, values } = fileContentUpdateStatement(id, content, index);
    const rows = await db.query<FileRow[]>(text, values);
    return toFileRecord(rows[0] as FileRow);
  }

  /** Sets lifecycle columns and bumps the version. */
  async updateLifecycle(db: Db, id: string, changes: LifecycleChanges): Promise<FileRecord> {
    const values: unknown[] = [id];
    const assignments = Object.entries(changes).map(([key, value]) => {
      values.push(value);
      return `${LIFECYCLE_COLUMNS[key as keyof LifecycleChanges]} = $${values.length}`;
    });
    const rows = await db.query<FileRow[]>(
      `UPDATE applicant_file SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1
       ${FILE_RETURNING}`,
      values,
    );
    return toFileRecord(rows[0] as FileRow);
  }

  duplicateCandidates(
    probe: { birthDates: string[]; sneNumber: string | null; excludeId: string | null },
    scope: FileScope,
    db: Db = this.transactions.pool,
  ): Promise<DuplicateCandidateRow[]> {
    const { text, values } = duplicateCandidatesQuery(probe, scope);
    return db.query<DuplicateCandidateRow[]>(text, values);
  }

  /** The codes among `inseeCodes` that are not current communes of the territory. */
  async unknownCommunes(inseeCodes: string[], db: Db = this.transactions.pool): Promise<string[]> {
    if (inseeCodes.length === 0) return [];
    const { text, values } = knownCommunesQuery(inseeCodes);
    const rows = await db.query<{ insee_code: string }[]>(text, values);
    const known = new Set(rows.map((row) => row.insee_code));
    return inseeCodes.filter((code) => !known.has(code));
  }
}

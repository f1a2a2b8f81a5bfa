import { Injectable } from '@nestjs/common';
import type {
  ApplicantFileContent,
  DocumentStatus,
  DocumentType,
  HeldDocument,
} from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import type { FileScope } from '@api/app/access/file-scope';
import {
  DOCUMENT_COLUMNS,
  DOCUMENT_JOINS,
  checklistQuery,
  documentInScopeQuery,
  documentPageQueries,
  fileForUploadQuery,
} from './documents.queries';

export interface DocumentRow {
  id: string;
  applicant_file_id: string;
  type: DocumentType;
  person_id: string | null;
  status: DocumentStatus;
  status_reason: string | null;
  sensitive: boolean;
  valid_until: string | null;
  storage_key: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  uploaded_by_user_id: string;
  uploaded_by_organization_id: string;
  uploaded_by_organization_name: string;
  checked_at: Date | null;
  checked_by_user_id: string | null;
  checked_by_display_name: string | null;
}

export interface NewDocument {
  applicantFileId: string;
  type: DocumentType;
  personId: string | null;
  sensitive: boolean;
  validUntil: string | null;
  storageKey: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  userId: string;
  organizationId: string;
}

/** What the checklist reads of a document held, and who may see which one answers a line. */
export interface ChecklistDocument extends HeldDocument {
  sensitive: boolean;
  uploadedByOrganizationId: string;
}

/** What a check sets; every field is written (the service merges the patch). */
export interface DocumentCheck {
  status: DocumentStatus;
  statusReason: string | null;
  validUntil: string | null;
  sensitive: boolean;
  checkedByUserId: string;
}

/** The only class that reads and writes supporting documents' records (their bytes: DocumentStorage). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** null when the file is missing or out of scope. */
  async page(
    fileId: string,
    scope: FileScope,
    page: { limit: number; offset: number },
  ): Promise<{ rows: DocumentRow[]; total: number } | null> {
    const queries = documentPageQueries(fileId, scope, page);
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<DocumentRow[]>(queries.page.text, queries.page.values),
      db.query<{ total: number }[]>(queries.count.text, queries.count.values),
    ]);
    return count[0] ? { rows, total: count[0].total } : null;
  }

  async findInScope(
    id: string,
    scope: FileScope,
    db: Db = this.transactions.pool,
  ): Promise<DocumentRow | null> {
    const { text, values } = documentInScopeQuery(id, scope);
    const rows = await db.query<DocumentRow[]>(text, values);
    return rows[0] ?? null;
  }

  async lockInScope(db: Db, id: string, scope: FileScope): Promise<DocumentRow | null> {
    const { text, values } = documentInScopeQuery(id, scope, true);
    const rows = await db.query<DocumentRow[]>(text, values);
    return rows[0] ?? null;
  }

  async fileForUpload(
    db: Db,
    fileId: string,
    scope: FileScope,
  ): Promise<{ content: ApplicantFileContent } | null> {
    const { text, values } = fileForUploadQuery(fileId, scope);
    const rows = await db.query<{ id: string; content: ApplicantFileContent }[]>(text, values);
    return rows[0] ?? null;
  }

  async checklistInput(
    fileId: string,
    scope: FileScope,
  ): Promise<{ content: ApplicantFileContent; documents: ChecklistDocument[] } | null> {
    const { text, values } = checklistQuery(fileId, scope);
    const rows = await this.transactions.pool.query<
      { content: ApplicantFileContent; documents: ChecklistDocument[] }[]
    >(text, values);
    return rows[0] ?? null;
  }

  async insert(db: Db, document: NewDocument): Promise<DocumentRow> {
    const rows = await db.query<DocumentRow[]>(
      `WITH d AS (
         INSERT INTO supporting_document (applicant_file_id, type, person_id, sensitive, valid_until, storage_key,
           file_name, media_type, size_bytes, sha256, uploaded_by_user_id, uploaded_by_organization_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING *)
       SELECT ${DOCUMENT_COLUMNS} FROM d
       ${DOCUMENT_JOINS}`,
      [
        document.applicantFileId,
        document.type,
        document.personId,
        document.sensitive,
        document.validUntil,
        document.storageKey,
        document.fileName,
        document.mediaType,
        document.sizeBytes,
        document.sha256,
        document.userId,
        document.organizationId,
      ],
    );
    return rows[0] as DocumentRow;
  }

  /** Records a check: its result, who made it and when. Documents are never deleted. */
  async check(db: Db, id: string, check: DocumentCheck): Promise<DocumentRow> {
    const rows = await db.query<DocumentRow[]>(
      `WITH d AS (
         UPDATE supporting_document
            SET status = $2, status_reason = $3, valid_until = $4, sensitive = $5,
                checked_by_user_id = $6, checked_at = now(), updated_at = now()
          WHERE id = $1
         RETURNING *)
       SELECT ${DOCUMENT_COLUMNS} FROM d
       ${DOCUMENT_JOINS}`,
      [id, check.status, check.statusReason, check.validUntil, check.sensitive, check.checkedByUserId],
    );
    return rows[0] as DocumentRow;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import {
  type ApplicantFileContent,
  type DocumentRequirement,
  type DocumentStatus,
  type Grant,
  type Page,
  SENSITIVE_DOCUMENT_TYPES,
  type SupportingDocumentView,
  type UpdateDocumentRequest,
  documentChecklist,
  grantFor,
  mayReadSensitiveDocument,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, forbidden, invalid, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import {
  DocumentStorage,
  StorageIntegrityError,
  StorageObjectNotFoundError,
} from '@api/platform/storage/document-storage';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import type { FieldChange } from '@api/app/timeline/timeline-event.entity';
import { safeFileName } from './document-names';
import { DocumentsRepository } from './documents.repository';
import type { UploadDocumentDto } from './dto/document-requests.dto';
import { documentOf, isConfidentialTo, toDocumentView } from './supporting-document.mapper';
import type { StoredUpload } from './upload.interceptor';

/** What the download route sends. */
export interface DocumentContent {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** A check's reason is required for these statuses. */
const STATUSES_NEEDING_REASON: readonly DocumentStatus[] = ['UNUSABLE', 'OUT_OF_SCOPE'];

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly timeline: TimelineRepository,
    private readonly storage: DocumentStorage,
    private readonly transactions: Transactions,
    private readonly fileAccess: FileAccess,
    private readonly clock: Clock,
    private readonly audit: AuditRepository,
  ) {}

  async list(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    page: PageRequest,
  ): Promise<Page<SupportingDocumentView>> {
    const result = await this.documents.page(fileId, this.fileAccess.scopeOf(principal, grant), {
      limit: page.pageSize,
      offset: page.offset,
    });
    if (!result) throw notFound('Applicant file');
    return toPage(
      result.rows.map((row) => toDocumentView(row, principal)),
      result.total,
      page,
    );
  }

  /**
   * Records an upload whose bytes DocumentUploadInterceptor has checked and sealed into the storage
   * on their way in: the record and its timeline event in one transaction. When anything here
   * fails, the interceptor removes the stored bytes: no object without a record, no record
   * without an object.
   */
  async upload(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    body: UploadDocumentDto,
    file: StoredUpload | undefined,
  ): Promise<SupportingDocumentView> {
    if (!file) throw invalid('Invalid input', [{ field: 'file', message: 'file is required' }]);
    // Its uploader's organisation's own upload: who may not read that may not leave it unmarked.
    if (
      body.sensitive === false &&
      SENSITIVE_DOCUMENT_TYPES.includes(body.type) &&
      !mayReadSensitiveDocument(principal, principal.organization.id, principal.organization.id)
    ) {
      throw mayNotLiftSensitivity();
    }
    const scope = this.fileAccess.scopeOf(principal, grant);
    return this.transactions.run(async (db) => {
      const target = await this.documents.fileForUpload(db, fileId, scope);
      if (!target) throw notFound('Applicant file');
      const personId = body.personId ?? null;
      if (personId !== null && !concernsFile(target.content, personId)) {
        throw invalid('Invalid input', [
          {
            field: 'personId',
            message: 'personId must be APPLICANT, CO_APPLICANT or a member of this file',
          },
        ]);
      }
      const sensitive = body.sensitive ?? SENSITIVE_DOCUMENT_TYPES.includes(body.type);
      const row = await this.documents.insert(db, {
        applicantFileId: fileId,
        type: body.type,
        personId,
        sensitive,
        validUntil: body.validUntil ?? null,
        storageKey: file.storageKey,
        fileName: safeFileName(file.originalname, file.extension),
        mediaType: file.mediaType,
        sizeBytes: file.size,
        sha256: file.sha256,
        userId: principal.userId,
        organizationId: principal.organization.id,
      });
      await this.timeline.insert(db, {
        applicantFileId: fileId,
        type: 'DOCUMENT_ADDED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        details: { documentId: row.id, type: row.type, personId: row.person_id, sensitive: row.sensitive },
      });
      return toDocumentView(row, principal);
    });
  }

  /**
   * The bytes of a document whose file is in the caller's download scope (else 404). A sensitive
   * document also needs `documents.downloadSensitive` for it (else 403, ACCESS.md).
   */
  async content(principal: AuthenticatedPrincipal, grant: Grant, id: string): Promise<DocumentContent> {
    const row = await this.documents.findInScope(id, this.fileAccess.scopeOf(principal, grant));
    if (!row) throw notFound('Document');
    if (isConfidentialTo(principal, documentOf(row))) {
      // Out of the sensitive-download scope (ACCESS.md): 404 like any object out of scope, except for
      // roles that may never download sensitive documents (403: the role may not do this at all).
      if (grantFor(principal, 'documents.downloadSensitive')) throw notFound('Document');
      throw forbidden('This document is sensitive: your role may not download it');
    }
    const bytes = await this.storage.get(row.storage_key).catch((error: unknown) => {
      throw contentLost(this.logger, row.id, row.storage_key, error);
    });
    // Served only once the download is in the access log.
    await this.audit.record('DOWNLOAD', [row.applicant_file_id]);
    return { fileName: row.file_name, mediaType: row.media_type, bytes };
  }

  /** A check: status (with its reason), validity, sensitivity. Records who and when; never deletes. */
  async check(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    body: UpdateDocumentRequest,
  ): Promise<SupportingDocumentView> {
    assertCheckShape(body);
    const scope = this.fileAccess.scopeOf(principal, grant);
    return this.transactions.run(async (db) => {
      const current = await this.documents.lockInScope(db, id, scope);
      if (!current) throw notFound('Document');
      const confidential = isConfidentialTo(principal, documentOf(current));
      if (body.sensitive === false && confidential) throw mayNotLiftSensitivity();
      // Checking a document means reading it: whoever may not is told so, and nothing changes.
      if (confidential && (body.status !== undefined || body.validUntil !== undefined)) {
        throw forbidden('Only who may read this confidential document may check it');
      }
      const status = body.status ?? current.status;
      const next = {
        status,
        statusReason: body.status !== undefined ? body.reason?.trim() || null : current.status_reason,
        validUntil: body.validUntil !== undefined ? body.validUntil : current.valid_until,
        sensitive: body.sensitive ?? current.sensitive,
      };
      const changes: FieldChange[] = [
        ['status', current.status, next.status],
        ['statusReason', current.status_reason, next.statusReason],
        ['validUntil', current.valid_until, next.validUntil],
        ['sensitive', current.sensitive, next.sensitive],
      ]
        .filter(([, before, after]) => before !== after)
        .map(([field, before, after]) => ({ field: field as string, before, after }));
      if (changes.length === 0) return toDocumentView(current, principal);
      const row = await this.documents.check(db, id, { ...next, checkedByUserId: principal.userId });
      await this.timeline.insert(db, {
        applicantFileId: row.applicant_file_id,
        type: 'DOCUMENT_CHECKED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        changes,
        details: {
          documentId: row.id,
          type: row.type,
          status: row.status,
          ...(row.status_reason ? { reason: row.status_reason } : {}),
        },
      });
      return toDocumentView(row, principal);
    });
  }

  /** What the file calls for and what is held and valid today (DOMAIN.md §5). */
  async checklist(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
  ): Promise<DocumentRequirement[]> {
    const input = await this.documents.checklistInput(fileId, this.fileAccess.scopeOf(principal, grant));
    if (!input) throw notFound('Applicant file');
    const confidential = new Set(
      input.documents.filter((document) => isConfidentialTo(principal, document)).map((d) => d.id),
    );
    // A line still says it is answered (never ask again), but not by which confidential document:
    // its type would follow from the line's.
    return documentChecklist(input.content, input.documents, this.clock.today()).map((line) => {
      if (!line.documentId || !confidential.has(line.documentId)) return line;
      const answered = { ...line };
      delete answered.documentId;
      return answered;
    });
  }
}

/**
 * A record whose bytes are gone from the storage, or damaged there (deleted or altered behind
 * Passerelle's back, a restore that missed them): an alert for the operator, who may restore the
 * object from a backup, and 410 for the caller, who can do nothing but ask for the document again.
 * Any other error goes on as it is.
 */
export function contentLost(logger: Logger, documentId: string, storageKey: string, error: unknown): unknown {
  const missing = error instanceof StorageObjectNotFoundError;
  if (!missing && !(error instanceof StorageIntegrityError)) return error;
  logger.error(
    { alert: 'DOCUMENT_CONTENT_LOST', documentId, storageKey, problem: missing ? 'MISSING' : 'DAMAGED' },
    missing
      ? 'A document’s stored object is missing: restore it from a backup'
      : 'A document’s stored object failed its integrity check: restore it from a backup',
  );
  return new DomainError(
    'GONE',
    'The content of this document is no longer held (missing or damaged in the storage); an administrator has been alerted',
  );
}

/** Whom a document may concern: the applicant, the co-applicant if any, a household member. */
function concernsFile(content: ApplicantFileContent, personId: string): boolean {
  if (personId === 'APPLICANT') return true;
  if (personId === 'CO_APPLICANT') return content.coApplicant !== undefined;
  return (content.householdMembers ?? []).some((member) => member.id === personId);
}

/** ACCESS.md: a field the caller may not write is refused with 400. */
const mayNotLiftSensitivity = (): DomainError =>
  invalid('Invalid input', [
    {
      field: 'sensitive',
      message: 'sensitive cannot be false: only who may download this sensitive document may lift it',
    },
  ]);

function assertCheckShape(body: UpdateDocumentRequest): void {
  const details: { field: string; message: string }[] = [];
  const raw = body as Record<string, unknown>;
  for (const field of ['status', 'reason', 'sensitive'] as const) {
    if (raw[field] === null) details.push({ field, message: `${field} cannot be null` });
  }
  if (details.length > 0) throw invalid('Invalid input', details);
  if (
    body.status === undefined &&
    body.reason === undefined &&
    body.validUntil === undefined &&
    body.sensitive === undefined
  ) {
    throw invalid('Nothing to change: send status, reason, validUntil or sensitive');
  }
  if (body.reason !== undefined && body.status === undefined) {
    throw invalid('Invalid input', [{ field: 'reason', message: 'reason goes with a status' }]);
  }
  if (body.status && STATUSES_NEEDING_REASON.includes(body.status) && !body.reason?.trim()) {
    throw invalid('Invalid input', [{ field: 'reason', message: `reason is required for ${body.status}` }]);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { type ApplicantFileView, type Grant, addMonthsClamped, grantFor } from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, conflict, notFound } from '@api/platform/http/domain-error';
import { JOB_LOCKS, runExclusive } from '@api/platform/jobs';
import { DocumentStorage } from '@api/platform/storage/document-storage';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { ApplicantFilesRepository } from '@api/app/applicant-files/applicant-files.repository';
import { toFileView } from '@api/app/applicant-files/applicant-file.mapper';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { contentLost } from '@api/app/documents/documents.service';
import { PrivacyRepository, type Row } from './privacy.repository';

export interface PersonalDataExport {
  exportedAt: string;
  file: ApplicantFileView;
  timeline: Row[];
  evaluations: Row[];
  fragilityFlags: Row[];
  /** With each document's bytes, base64; `contentBase64: null, contentLost: true` for bytes the storage lost. */
  documents: Row[];
  referrals: Row[];
  appointments: Row[];
  receptionRequests: Row[];
}

const BATCH = 200;

/** Right of access, information notice, anonymisation (DOMAIN.md §9). */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly files: ApplicantFilesRepository,
    private readonly fileAccess: FileAccess,
    private readonly timeline: TimelineRepository,
    private readonly audit: AuditRepository,
    private readonly storage: DocumentStorage,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Everything held about the applicant, social notes and sensitive documents included; audited as EXPORT. */
  async export(principal: AuthenticatedPrincipal, grant: Grant, fileId: string): Promise<PersonalDataExport> {
    return this.transactions.run(async (db) => {
      const file = await this.files.findInScope(fileId, this.fileAccess.scopeOf(principal, grant), db);
      if (!file) throw notFound('Applicant file');
      const held = await this.privacy.heldData(db, fileId);
      const documents = await Promise.all(
        held.documents.map(async ({ storage_key, ...document }) => {
          try {
            return { ...document, contentBase64: (await this.storage.get(storage_key)).toString('base64') };
          } catch (error) {
            // The right of access still gets everything else held; the operator gets the alert.
            const lost = contentLost(this.logger, String(document['id']), storage_key, error);
            if (lost instanceof DomainError && lost.code === 'GONE') {
              return { ...document, contentBase64: null, contentLost: true };
            }
            throw lost;
          }
        }),
      );
      await this.audit.record('EXPORT', [fileId], db);
      return {
        exportedAt: this.clock.now().toISOString(),
        file: toFileView(file, 'full', 'full'),
        ...held,
        documents,
      };
    });
  }

  async recordInformationNotice(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    givenOn: string,
  ): Promise<{ file: ApplicantFileView; version: number }> {
    if (givenOn > this.clock.today()) {
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'givenOn', message: 'givenOn cannot be in the future' },
      ]);
    }
    const file = await this.transactions.run(async (db) => {
      const current = await this.files.lockInScope(db, fileId, this.fileAccess.scopeOf(principal, grant));
      if (!current) throw notFound('Applicant file');
      if (current.anonymisedAt) throw conflict('This file was anonymised');
      await db.query(
        'UPDATE applicant_file SET information_notice_given_on = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [fileId, givenOn],
      );
      await this.timeline.insert(db, {
        applicantFileId: fileId,
        type: 'INFORMATION_NOTICE_GIVEN',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        details: { givenOn },
      });
      return this.files.findInScope(fileId, this.fileAccess.scopeOf(principal, grant), db);
    });
    if (!file) throw notFound('Applicant file');
    const read = grantFor(principal, 'files.read');
    return { file: toFileView(file, read?.view, undefined), version: file.version };
  }

  /**
   * The daily job: files closed more than a year ago lose their personal data. Idempotent, one
   * instance at a time; document bytes are removed once the database no longer points at them.
   */
  async anonymiseDue(): Promise<number | null> {
    const cutoff = addMonthsClamped(this.clock.today(), -12);
    const done = await runExclusive(this.transactions, JOB_LOCKS.anonymisation, async (db) => {
      const ids: string[] = [];
      const keys: string[] = [];
      for (;;) {
        const batch = await this.privacy.dueForAnonymisation(db, cutoff, BATCH);
        if (batch.length === 0) break;
        keys.push(...(await this.privacy.documentKeys(db, batch)));
        await this.privacy.anonymise(db, batch);
        ids.push(...batch);
      }
      return { count: ids.length, keys };
    });
    if (!done) return null;
    // The bytes go once the rows are gone for good; a failure leaves only unreadable ciphertext, logged.
    for (const key of done.keys) {
      await this.storage
        .delete(key)
        .catch((error: unknown) => this.logger.error({ err: error }, 'document not deleted'));
    }
    return done.count;
  }
}

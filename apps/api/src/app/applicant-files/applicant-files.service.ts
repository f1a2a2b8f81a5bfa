import { Injectable } from '@nestjs/common';
import {
  type ApplicantFileContent,
  type ApplicantFileSummary,
  type ApplicantFileView,
  FILE_CONTENT_KEYS,
  FILE_READ_ONLY_KEYS,
  type Grant,
  type Page,
  type PossibleDuplicate,
  fileIndexFields,
  grantFor,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { DomainError, conflict, notFound } from '@api/platform/http/domain-error';
import { stale } from '@api/platform/http/if-match';
import { applyMergePatch } from '@api/platform/http/merge-patch';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import type { FileScope } from '@api/app/access/file-scope';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { toFileSummary, toFileView, priorityViewOf } from './applicant-file.mapper';
import { ApplicantFilesRepository } from './applicant-files.repository';
import type { FileFilters } from './applicant-files.queries';
import { assertWritable, checkContent, contentChanges, validateContent } from './content-rules';
import { looksLikeSamePerson } from './duplicates';
import type { FileRecord } from './file-record';

export interface FileWithEtag {
  view: ApplicantFileView;
  version: number;
}

@Injectable()
export class ApplicantFilesService {
  constructor(
    private readonly files: ApplicantFilesRepository,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  scopeOf(principal: AuthenticatedPrincipal, grant: Grant): FileScope {
    const clock = this.clock;
    return {
      scope: grant.scope,
      organizationId: principal.organization.id,
      // Only the « shared » scope reads it: formatting today's date in Paris costs a time-zone
      // formatter, measurable on every read of a file.
      get today() {
        return clock.today();
      },
    };
  }

  /** The file as the caller may read it (files.read's view), whatever action brought it. */
  view(file: FileRecord, principal: AuthenticatedPrincipal): ApplicantFileView {
    const read = grantFor(principal, 'files.read');
    return toFileView(file, read?.view, priorityViewOf(grantFor(principal, 'flags.readConfirmed')));
  }

  async list(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    filters: FileFilters,
    page: PageRequest,
  ): Promise<Page<ApplicantFileSummary>> {
    const { rows, total } = await this.files.search(filters, this.scopeOf(principal, grant), {
      limit: page.pageSize,
      offset: page.offset,
    });
    return toPage(
      rows.map((row) => toFileSummary(row, grant.view)),
      total,
      page,
    );
  }

  async get(principal: AuthenticatedPrincipal, grant: Grant, id: string): Promise<FileWithEtag> {
    const file = await this.files.readInScope(id, this.scopeOf(principal, grant));
    if (!file) throw notFound('Applicant file');
    return { view: this.view(file, principal), version: file.version };
  }

  async create(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    body: ApplicantFileContent,
  ): Promise<FileWithEtag & { possibleDuplicates: string[] }> {
    assertWritable(body, grant.writableFields);
    const content = checkContent(body, this.clock.today());
    await this.assertKnownCommunes(content);
    const file = await this.transactions.run(async (db) => {
      const created = await this.files.insert(db, {
        content,
        index: fileIndexFields(content),
        organizationId: principal.organization.id,
        userId: principal.userId,
      });
      await this.files.link(db, created.id, principal.organization.id, 'CREATED');
      await this.timeline.insert(db, {
        applicantFileId: created.id,
        type: 'FILE_CREATED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
      });
      return created;
    });
    // Creation always succeeds; duplicates are shown, within what the caller may see.
    const duplicatesGrant = grantFor(principal, 'files.duplicates');
    const possibleDuplicates = duplicatesGrant
      ? (await this.findDuplicates(file, this.scopeOf(principal, duplicatesGrant))).map((d) => d.id)
      : [];
    return { view: this.view(file, principal), version: file.version, possibleDuplicates };
  }

  async update(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    expectedVersion: number,
    patch: unknown,
  ): Promise<FileWithEtag> {
    const file = await this.transactions.run((db) =>
      this.applyPatch(db, principal, grant, id, expectedVersion, patch),
    );
    return { view: this.view(file, principal), version: file.version };
  }

  /**
   * A merge patch inside the caller's transaction (other contexts use it, such as an evaluation's
   * recommended wishes): checks, writes, and records the change on the timeline as `eventType`.
   */
  async applyPatch(
    db: Db,
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    expectedVersion: number,
    patch: unknown,
    event: { type: 'FILE_UPDATED' | 'WISHES_APPLIED'; details?: Record<string, unknown> } = {
      type: 'FILE_UPDATED',
    },
  ): Promise<FileRecord> {
    this.assertPatchShape(patch);
    assertWritable(patch, grant.writableFields);
    const current = await this.lockForWrite(db, principal, grant, id, expectedVersion);
    const merged = await validateContent(applyMergePatch(current.content, patch));
    const content = checkContent(merged, this.clock.today());
    await this.assertKnownCommunes(content, db);
    const changes = contentChanges(current.content, content);
    if (changes.length === 0) return current;
    const updated = await this.files.updateContent(db, id, content, fileIndexFields(content));
    await this.timeline.insert(db, {
      applicantFileId: id,
      type: event.type,
      actorUserId: principal.userId,
      actorOrganizationId: principal.organization.id,
      changes,
      details: event.details ?? null,
    });
    return updated;
  }

  async duplicates(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
  ): Promise<PossibleDuplicate[]> {
    const scope = this.scopeOf(principal, grant);
    const file = await this.files.findInScope(id, scope);
    if (!file) throw notFound('Applicant file');
    return this.findDuplicates(file, scope);
  }

  /**
   * Locks a file the caller may write and checks its version; a refused write changes nothing.
   * Out of scope reads as missing (404); a status the grant excludes is 403.
   */
  async lockForWrite(
    db: Db,
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    expectedVersion: number,
  ): Promise<FileRecord> {
    const file = await this.files.lockInScope(db, id, this.scopeOf(principal, grant));
    if (!file) throw notFound('Applicant file');
    if (file.anonymisedAt) throw conflict('This file was anonymised: it can no longer change');
    if (grant.whileStatus && !grant.whileStatus.includes(file.status)) {
      throw new DomainError(
        'FORBIDDEN',
        `Your role may change this file only while its status is ${grant.whileStatus.join(' or ')}`,
      );
    }
    if (file.version !== expectedVersion) throw stale();
    return file;
  }

  private assertPatchShape(patch: unknown): void {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new DomainError('INVALID', 'A merge patch must be a JSON object');
    }
    const details = Object.keys(patch)
      .filter((key) => !(FILE_CONTENT_KEYS as readonly string[]).includes(key))
      .map((field) => ({
        field,
        message: (FILE_READ_ONLY_KEYS as readonly string[]).includes(field)
          ? `${field} is read-only`
          : `property ${field} should not exist`,
      }));
    if ('applicant' in patch && (patch as { applicant: unknown }).applicant === null) {
      details.push({ field: 'applicant', message: 'applicant cannot be removed' });
    }
    if (details.length > 0) throw new DomainError('INVALID', 'Invalid input', details);
  }

  private async assertKnownCommunes(content: ApplicantFileContent, db?: Db): Promise<void> {
    const unknown = await this.files.unknownCommunes(content.wishes?.communes ?? [], db);
    if (unknown.length > 0) {
      throw new DomainError(
        'INVALID',
        'Invalid input',
        unknown.map((code) => ({
          field: 'wishes.communes',
          message: `${code} is not a commune of the territory`,
        })),
      );
    }
  }

  private async findDuplicates(file: FileRecord, scope: FileScope): Promise<PossibleDuplicate[]> {
    const probe = [file.content.applicant, file.content.coApplicant].filter((p) => p !== undefined);
    const candidates = await this.files.duplicateCandidates(
      { birthDates: probe.map((p) => p.birthDate), sneNumber: file.sneNumber, excludeId: file.id },
      scope,
    );
    const result: PossibleDuplicate[] = [];
    for (const candidate of candidates) {
      const people = [candidate.applicant, candidate.co_applicant].filter((p) => p !== null);
      const matchedOn: PossibleDuplicate['matchedOn'] = [];
      if (probe.some((a) => people.some((b) => looksLikeSamePerson(a, b))))
        matchedOn.push('BIRTH_DATE_AND_NAME');
      if (file.sneNumber && candidate.sne_number === file.sneNumber) matchedOn.push('SNE_NUMBER');
      if (matchedOn.length === 0) continue;
      result.push({
        id: candidate.id,
        status: candidate.status,
        lastName: candidate.applicant.lastName,
        ...(candidate.applicant.usageName ? { usageName: candidate.applicant.usageName } : {}),
        firstNames: candidate.applicant.firstNames,
        birthDate: candidate.birth_date,
        sneNumber: candidate.sne_number,
        matchedOn,
      });
    }
    return result;
  }
}

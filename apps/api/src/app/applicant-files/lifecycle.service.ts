import { Injectable } from '@nestjs/common';
import {
  type CalendarDate,
  type ClosureRequest,
  type FileStatus,
  type Grant,
  type PartnerEventRequest,
  type RegistrationRequest,
  type RenewalRequest,
  type TimelineEventView,
  completenessOf,
  oneMonthBefore,
  oneYearAfter,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { type Db, Transactions, pgConstraint, pgErrorCode } from '@api/platform/database/transactions';
import { DomainError, conflict } from '@api/platform/http/domain-error';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { toTimelineEventView } from '@api/app/timeline/timeline.mapper';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { ApplicantFilesRepository } from './applicant-files.repository';
import { ApplicantFilesService, type FileWithEtag } from './applicant-files.service';
import type { FileRecord } from './file-record';

/** A registered demand is RENEWAL_DUE from one month before its due date (DOMAIN.md §4). */
export function registeredStatusOn(renewalDueOn: CalendarDate, today: CalendarDate): FileStatus {
  return today >= oneMonthBefore(renewalDueOn) ? 'RENEWAL_DUE' : 'REGISTERED';
}

const invalidDate = (field: string, message: string): DomainError =>
  new DomainError('INVALID', 'Invalid input', [{ field, message }]);

/** Registration, renewal, closure and partner events: the transitions of DOMAIN.md §4. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly files: ApplicantFilesRepository,
    private readonly filesService: ApplicantFilesService,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  register(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    version: number,
    body: RegistrationRequest,
  ) {
    const today = this.clock.today();
    if (body.registeredOn > today) throw invalidDate('registeredOn', 'registeredOn cannot be in the future');
    const renewalDueOn = oneYearAfter(body.registeredOn);
    if (renewalDueOn <= today)
      throw invalidDate('registeredOn', 'a demand registered a year ago or more has lapsed');
    return this.transition(principal, grant, id, version, async (db, file) => {
      if (file.status !== 'CONTACT')
        throw conflict(`The demand is already ${file.status === 'CLOSED' ? 'closed' : 'registered'}`);
      const { registration } = completenessOf(file.content);
      if (!registration.complete) {
        throw new DomainError(
          'CONFLICT',
          'The file is not complete enough to register the demand',
          registration.missing.map((m) => ({ field: m.field, message: m.label })),
        );
      }
      const updated = await this.files
        .updateLifecycle(db, id, {
          status: registeredStatusOn(renewalDueOn, today),
          sneNumber: body.sneNumber,
          registeredOn: body.registeredOn,
          seniorityDate: body.registeredOn,
          renewalDueOn,
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'UQ_applicant_file_sne_number') {
            throw conflict('This SNE number is already recorded on another file');
          }
          throw error;
        });
      await this.event(db, principal, id, 'REGISTERED', {
        sneNumber: body.sneNumber,
        registeredOn: body.registeredOn,
        renewalDueOn,
      });
      return updated;
    });
  }

  renew(principal: AuthenticatedPrincipal, grant: Grant, id: string, version: number, body: RenewalRequest) {
    const today = this.clock.today();
    if (body.renewedOn > today) throw invalidDate('renewedOn', 'renewedOn cannot be in the future');
    return this.transition(principal, grant, id, version, async (db, file) => {
      if (file.status !== 'REGISTERED' && file.status !== 'RENEWAL_DUE') {
        throw conflict('Only a registered demand can be renewed');
      }
      const since = file.lastRenewedOn ?? file.registeredOn ?? body.renewedOn;
      if (body.renewedOn < since)
        throw invalidDate('renewedOn', 'renewedOn cannot precede the last registration or renewal');
      const renewalDueOn = oneYearAfter(body.renewedOn);
      const updated = await this.files.updateLifecycle(db, id, {
        status: registeredStatusOn(renewalDueOn, today),
        lastRenewedOn: body.renewedOn,
        renewalDueOn,
      });
      await this.event(db, principal, id, 'RENEWED', { renewedOn: body.renewedOn, renewalDueOn });
      return updated;
    });
  }

  close(principal: AuthenticatedPrincipal, grant: Grant, id: string, version: number, body: ClosureRequest) {
    const today = this.clock.today();
    if (body.closedOn > today) throw invalidDate('closedOn', 'closedOn cannot be in the future');
    if (body.reason === 'HOUSED') {
      throw conflict(
        'A file is closed as HOUSED when a landlord records the signed lease (event LEASE_SIGNED)',
      );
    }
    if (body.keptFileId !== undefined && body.reason !== 'MERGED') {
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'keptFileId', message: 'keptFileId is for MERGED only' },
      ]);
    }
    return this.transition(principal, grant, id, version, async (db, file) => {
      if (file.status === 'CLOSED') throw conflict('The demand is already closed');
      if (file.status === 'CONTACT' && body.reason !== 'WITHDRAWN' && body.reason !== 'MERGED') {
        throw conflict('A file that was never registered can only be closed as WITHDRAWN or MERGED');
      }
      if (body.reason === 'NOT_RENEWED' && file.status !== 'RENEWAL_DUE') {
        throw conflict('Only a demand due for renewal can be closed as NOT_RENEWED');
      }
      if (file.registeredOn && body.closedOn < file.registeredOn) {
        throw invalidDate('closedOn', 'closedOn cannot precede the registration');
      }
      if (body.reason === 'MERGED') await this.checkKeptFile(db, principal, grant, id, body.keptFileId);
      const updated = await this.files.updateLifecycle(db, id, {
        status: 'CLOSED',
        closureReason: body.reason,
        closedOn: body.closedOn,
        keptFileId: body.keptFileId ?? null,
      });
      await this.event(db, principal, id, 'CLOSED', {
        reason: body.reason,
        closedOn: body.closedOn,
        ...(body.keptFileId ? { keptFileId: body.keptFileId } : {}),
      });
      if (body.keptFileId)
        await this.event(db, principal, body.keptFileId, 'DUPLICATE_MERGED', { mergedFileId: id });
      return updated;
    });
  }

  /** A partner records what happened; a landlord's LEASE_SIGNED closes the file as HOUSED. */
  async recordEvent(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    version: number,
    body: PartnerEventRequest,
  ): Promise<{ event: TimelineEventView; version: number }> {
    if (grant.only && !grant.only.includes(body.type)) {
      throw new DomainError('FORBIDDEN', `Your role may not record ${body.type} events`);
    }
    if (body.occurredOn > this.clock.today())
      throw invalidDate('occurredOn', 'occurredOn cannot be in the future');
    let eventView: TimelineEventView | undefined;
    const { version: newVersion } = await this.transition(principal, grant, id, version, async (db, file) => {
      if (file.status === 'CLOSED') throw conflict('The demand is closed');
      const details = {
        occurredOn: body.occurredOn,
        ...(body.details !== undefined ? { details: body.details } : {}),
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
      };
      if (body.type === 'LEASE_SIGNED') {
        if (file.status === 'CONTACT') throw conflict('A lease is signed on a registered demand only');
        if (file.registeredOn && body.occurredOn < file.registeredOn) {
          throw invalidDate('occurredOn', 'occurredOn cannot precede the registration');
        }
      }
      const row = await this.timeline.insert(db, {
        applicantFileId: id,
        type: body.type,
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        details,
      });
      eventView = toTimelineEventView(row, {
        view: 'withoutSocialContent',
        principal,
        organizationId: principal.organization.id,
      });
      if (body.type !== 'LEASE_SIGNED') return this.files.updateLifecycle(db, id, {});
      const closed = await this.files.updateLifecycle(db, id, {
        status: 'CLOSED',
        closureReason: 'HOUSED',
        closedOn: body.occurredOn,
      });
      await this.event(db, principal, id, 'CLOSED', { reason: 'HOUSED', closedOn: body.occurredOn });
      return closed;
    });
    if (!eventView) throw new Error('event not recorded');
    return { event: eventView, version: newVersion };
  }

  /**
   * The daily job: REGISTERED demands one month before their due date become RENEWAL_DUE; those
   * past their due date are closed as NOT_RENEWED. Idempotent; each change is on the timeline.
   */
  async applyRenewalCalendar(
    db: Db,
    today: CalendarDate,
  ): Promise<{ renewalDue: number; notRenewed: number }> {
    const due = await db.query<{ id: string }[]>(
      `WITH due AS (
         UPDATE applicant_file SET status = 'RENEWAL_DUE', version = version + 1, updated_at = now()
          WHERE status = 'REGISTERED' AND (renewal_due_on - interval '1 month')::date <= $1::date
          RETURNING id, renewal_due_on)
       INSERT INTO timeline_event (applicant_file_id, type, details)
       SELECT id, 'RENEWAL_DUE', jsonb_build_object('renewalDueOn', renewal_due_on) FROM due
       RETURNING applicant_file_id AS id`,
      [today],
    );
    const lapsed = await db.query<{ id: string }[]>(
      `WITH lapsed AS (
         UPDATE applicant_file SET status = 'CLOSED', closure_reason = 'NOT_RENEWED', closed_on = renewal_due_on,
                version = version + 1, updated_at = now()
          WHERE status = 'RENEWAL_DUE' AND renewal_due_on < $1::date
          RETURNING id, renewal_due_on)
       INSERT INTO timeline_event (applicant_file_id, type, details)
       SELECT id, 'CLOSED', jsonb_build_object('reason', 'NOT_RENEWED', 'closedOn', renewal_due_on) FROM lapsed
       RETURNING applicant_file_id AS id`,
      [today],
    );
    return { renewalDue: due.length, notRenewed: lapsed.length };
  }

  private async transition(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    version: number,
    change: (db: Db, file: FileRecord) => Promise<FileRecord>,
  ): Promise<FileWithEtag> {
    const updated = await this.transactions.run(async (db) => {
      const file = await this.filesService.lockForWrite(db, principal, grant, id, version);
      return change(db, file);
    });
    return { view: this.filesService.view(updated, principal), version: updated.version };
  }

  private async checkKeptFile(
    db: Db,
    principal: AuthenticatedPrincipal,
    grant: Grant,
    id: string,
    keptFileId: string | undefined,
  ): Promise<void> {
    const field = (message: string) =>
      new DomainError('INVALID', 'Invalid input', [{ field: 'keptFileId', message }]);
    if (!keptFileId) throw field('keptFileId is required for MERGED');
    if (keptFileId === id) throw field('a file cannot be merged into itself');
    const kept = await this.files.findInScope(keptFileId, this.filesService.scopeOf(principal, grant), db);
    if (!kept) throw field('no such file in your scope');
    if (kept.status === 'CLOSED') throw conflict('The file to keep is closed');
  }

  private async event(
    db: Db,
    principal: AuthenticatedPrincipal,
    fileId: string,
    type: 'REGISTERED' | 'RENEWED' | 'CLOSED' | 'DUPLICATE_MERGED',
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.timeline.insert(db, {
      applicantFileId: fileId,
      type,
      actorUserId: principal.userId,
      actorOrganizationId: principal.organization.id,
      details,
    });
  }
}

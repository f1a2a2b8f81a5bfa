import { Injectable } from '@nestjs/common';
import {
  type DecideFlagRequest,
  type FlagStatus,
  type FragilityFlagView,
  type Grant,
  type Page,
  type SuspectFlagRequest,
  grantFor,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, conflict, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { type FlagReader, toFlagView } from './fragility.mapper';
import { FragilityRepository } from './fragility.repository';

@Injectable()
export class FragilityService {
  constructor(
    private readonly flags: FragilityRepository,
    private readonly fileAccess: FileAccess,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  private reader(principal: AuthenticatedPrincipal): FlagReader {
    return {
      socialWorker: grantFor(principal, 'flags.decide') !== undefined,
      organizationId: principal.organization.id,
    };
  }

  /** Anyone who meets the applicant may suspect a criterion. */
  async suspect(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    body: SuspectFlagRequest,
  ): Promise<FragilityFlagView> {
    const row = await this.transactions.run(async (db) => {
      await this.fileAccess.assertInScope(principal, grant, fileId, db);
      const flag = await this.flags.insertSuspected(db, {
        applicantFileId: fileId,
        criterion: body.criterion,
        note: body.note ?? null,
        userId: principal.userId,
        organizationId: principal.organization.id,
      });
      await this.timeline.insert(db, {
        applicantFileId: fileId,
        type: 'FLAG_SUSPECTED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        visibility: 'SOCIAL',
        details: {
          flagId: flag.id,
          criterion: body.criterion,
          note: body.note ?? null,
          // Landlords may not read suspected flags: others see only that one was suspected.
          public: {},
        },
      });
      return flag;
    });
    return toFlagView(row, this.reader(principal));
  }

  /**
   * The flags a caller may see on a file: suspected ones per flags.readSuspected (a relay clerk:
   * its own suspicions), confirmed ones per flags.readConfirmed, ruled-out ones to social workers.
   */
  async list(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    page: PageRequest,
  ): Promise<Page<FragilityFlagView>> {
    const suspected = grantFor(principal, 'flags.readSuspected');
    const confirmed = grantFor(principal, 'flags.readConfirmed');
    const socialWorker = grantFor(principal, 'flags.decide') !== undefined;
    const statuses: FlagStatus[] = [
      ...(suspected ? (['SUSPECTED'] as const) : []),
      ...(confirmed && confirmed.view !== 'countsOnly' ? (['CONFIRMED'] as const) : []),
      ...(socialWorker ? (['RULED_OUT'] as const) : []),
    ];
    // Even with nothing to show, the statements run: their scope is what answers 404.
    const result = await this.flags.listForFile(
      fileId,
      this.fileAccess.scopeOf(principal, grant),
      {
        statuses,
        suspectedByOrganizationId:
          suspected?.scope === 'ownSuspicions' ? principal.organization.id : undefined,
      },
      { limit: page.pageSize, offset: page.offset },
    );
    if (!result) throw notFound('Applicant file');
    const reader = this.reader(principal);
    return toPage(
      result.rows.map((row) => toFlagView(row, reader)),
      result.total,
      page,
    );
  }

  /** Only a social worker confirms or rules out, with a note and a date. */
  async decide(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    flagId: string,
    body: DecideFlagRequest,
  ): Promise<FragilityFlagView> {
    const today = this.clock.today();
    const decidedOn = body.decidedOn ?? today;
    if (decidedOn > today) {
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'decidedOn', message: 'decidedOn cannot be in the future' },
      ]);
    }
    const row = await this.transactions.run(async (db) => {
      const current = await this.flags.lockInScope(db, flagId, this.fileAccess.scopeOf(principal, grant));
      if (!current) throw notFound('Fragility flag');
      if (current.status !== 'SUSPECTED')
        throw conflict(`The flag is already ${current.status === 'CONFIRMED' ? 'confirmed' : 'ruled out'}`);
      const decided = await this.flags.decide(db, flagId, {
        status: body.status,
        note: body.note,
        decidedOn,
        userId: principal.userId,
      });
      await this.flags.refreshPriority(db, current.applicant_file_id);
      await this.timeline.insert(db, {
        applicantFileId: current.applicant_file_id,
        type: body.status === 'CONFIRMED' ? 'FLAG_CONFIRMED' : 'FLAG_RULED_OUT',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        visibility: 'SOCIAL',
        details: {
          flagId,
          criterion: current.criterion,
          note: body.note,
          decidedOn,
          // « critère confirmé : <code> » for partners; a criterion ruled out stays a social matter.
          public: body.status === 'CONFIRMED' ? { criterion: current.criterion } : {},
        },
      });
      return decided;
    });
    return toFlagView(row, this.reader(principal));
  }
}

import { Injectable } from '@nestjs/common';
import type { Grant, Page, ReceptionRequestBody, ReceptionRequestView } from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { conflict, invalid, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { ApplicantFilesRepository } from '@api/app/applicant-files/applicant-files.repository';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { receptionDeadline } from './appointment-rules';
import { toReceptionRequestView } from './appointment.mapper';
import { ReceptionRequestsRepository } from './reception-requests.repository';

/**
 * A registered applicant asks to be received: the one-month clock starts (CCH L441-2-8, DOMAIN.md
 * §7). Whether it was met is computed on read, from the appointments.
 */
@Injectable()
export class ReceptionRequestsService {
  constructor(
    private readonly requests: ReceptionRequestsRepository,
    private readonly files: ApplicantFilesRepository,
    private readonly timeline: TimelineRepository,
    private readonly fileAccess: FileAccess,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  record(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    body: ReceptionRequestBody,
  ): Promise<ReceptionRequestView> {
    const today = this.clock.today();
    if (body.requestedOn > today) {
      throw invalid('Invalid input', [
        { field: 'requestedOn', message: 'requestedOn cannot be in the future' },
      ]);
    }
    const deadline = receptionDeadline(body.requestedOn);
    return this.transactions.run(async (db) => {
      const file = await this.files.findInScope(fileId, this.fileAccess.scopeOf(principal, grant), db);
      if (!file) throw notFound('Applicant file');
      if (file.status !== 'REGISTERED' && file.status !== 'RENEWAL_DUE') {
        throw conflict('The one-month clock starts for a registered applicant only');
      }
      const id = await this.requests.insert(db, {
        applicantFileId: fileId,
        requestedOn: body.requestedOn,
        deadline,
        userId: principal.userId,
        organizationId: principal.organization.id,
      });
      await this.timeline.insert(db, {
        applicantFileId: fileId,
        type: 'RECEPTION_REQUESTED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        details: { receptionRequestId: id, requestedOn: body.requestedOn, deadline },
      });
      const row = await this.requests.find(db, id, today);
      if (!row) throw new Error('reception request not readable after writing it');
      return toReceptionRequestView(row);
    });
  }

  async list(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    page: PageRequest,
  ): Promise<Page<ReceptionRequestView>> {
    const result = await this.requests.listForFile(
      fileId,
      this.fileAccess.scopeOf(principal, grant),
      this.clock.today(),
      { limit: page.pageSize, offset: page.offset },
    );
    if (!result) throw notFound('Applicant file');
    return toPage(result.rows.map(toReceptionRequestView), result.total, page);
  }
}

import { Injectable } from '@nestjs/common';
import type {
  CreateReferralRequest,
  FieldError,
  Grant,
  Page,
  ReferralView,
  UpdateReferralRequest,
} from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { conflict, invalid, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { ApplicantFilesRepository } from '@api/app/applicant-files/applicant-files.repository';
import { FragilityRepository } from '@api/app/fragility/fragility.repository';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { toReferralView } from './referral.mapper';
import { REFERRAL_ANSWER_EVENTS, canMoveReferral } from './referral-rules';
import type { ReferralFilters } from './referrals.queries';
import { ReferralsRepository } from './referrals.repository';

const invalidTarget = (message: string) =>
  invalid('Invalid input', [{ field: 'toOrganizationId', message } satisfies FieldError]);

/**
 * Referrals between organisations (DOMAIN.md §7). Sending one also suspects its criteria and gives
 * both organisations the file (« own » scope); the receiver's inbox is how it is told.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly files: ApplicantFilesRepository,
    private readonly flags: FragilityRepository,
    private readonly timeline: TimelineRepository,
    private readonly fileAccess: FileAccess,
    private readonly transactions: Transactions,
  ) {}

  create(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    body: CreateReferralRequest,
  ): Promise<ReferralView> {
    const fromOrganizationId = principal.organization.id;
    const criteria = [...new Set(body.suspectedCriteria ?? [])];
    return this.transactions.run(async (db) => {
      await this.fileAccess.assertInScope(principal, grant, body.applicantFileId, db);
      await this.checkTarget(db, body.toOrganizationId, fromOrganizationId);
      const id = await this.referrals.insert(db, {
        applicantFileId: body.applicantFileId,
        fromOrganizationId,
        fromUserId: principal.userId,
        toOrganizationId: body.toOrganizationId,
        reason: body.reason,
        suspectedCriteria: criteria,
        appointmentWish: body.appointmentWish ?? null,
      });
      await this.files.link(db, body.applicantFileId, fromOrganizationId, 'REFERRAL_SENT');
      await this.files.link(db, body.applicantFileId, body.toOrganizationId, 'REFERRAL_RECEIVED');
      await this.timeline.insert(db, {
        applicantFileId: body.applicantFileId,
        type: 'REFERRAL_SENT',
        actorUserId: principal.userId,
        actorOrganizationId: fromOrganizationId,
        details: {
          referralId: id,
          toOrganizationId: body.toOrganizationId,
          reason: body.reason,
          // The suspected criteria are flags: read from the flags list by those who may.
          ...(body.appointmentWish !== undefined ? { appointmentWish: body.appointmentWish } : {}),
        },
        visibility: 'REFERRAL',
      });
      for (const criterion of criteria) {
        const flag = await this.flags.insertSuspected(db, {
          applicantFileId: body.applicantFileId,
          criterion,
          note: null,
          userId: principal.userId,
          organizationId: fromOrganizationId,
          referralId: id,
        });
        // Suspected criteria are read by those ACCESS.md lets read them (the flags list); on the
        // timeline the others only see that a fragility was suspected.
        await this.timeline.insert(db, {
          applicantFileId: body.applicantFileId,
          type: 'FLAG_SUSPECTED',
          actorUserId: principal.userId,
          actorOrganizationId: fromOrganizationId,
          details: { flagId: flag.id, criterion, referralId: id, public: {} },
          visibility: 'SOCIAL',
        });
      }
      return this.view(db, id, fromOrganizationId);
    });
  }

  async list(
    principal: AuthenticatedPrincipal,
    filters: ReferralFilters,
    page: PageRequest,
  ): Promise<Page<ReferralView>> {
    const { rows, total } = await this.referrals.list(filters, principal.organization.id, {
      limit: page.pageSize,
      offset: page.offset,
    });
    return toPage(rows.map(toReferralView), total, page);
  }

  async get(principal: AuthenticatedPrincipal, id: string): Promise<ReferralView> {
    const row = await this.referrals.find(id, principal.organization.id);
    if (!row) throw notFound('Referral');
    return toReferralView(row);
  }

  async inboxCount(principal: AuthenticatedPrincipal): Promise<{ unhandled: number }> {
    return { unhandled: await this.referrals.countUnhandled(principal.organization.id) };
  }

  /** Only the receiving organisation answers; the sender sees the referral but may not (403). */
  answer(principal: AuthenticatedPrincipal, id: string, body: UpdateReferralRequest): Promise<ReferralView> {
    const organizationId = principal.organization.id;
    return this.transactions.run(async (db) => {
      const referral = await this.referrals.lock(db, id, organizationId);
      if (!referral) throw notFound('Referral');
      if (referral.to_organization_id !== organizationId) {
        // Out of the « addressed to its org » scope: 404, as ACCESS.md says for any object out of scope.
        throw notFound('Referral');
      }
      if (!canMoveReferral(referral.status, body.status)) {
        throw conflict(`A ${referral.status} referral cannot become ${body.status}`);
      }
      await this.referrals.answer(db, id, {
        status: body.status,
        declineReason: body.status === 'DECLINED' ? (body.reason ?? null) : null,
        userId: principal.userId,
      });
      await this.timeline.insert(db, {
        applicantFileId: referral.applicant_file_id,
        type: REFERRAL_ANSWER_EVENTS[body.status],
        actorUserId: principal.userId,
        actorOrganizationId: organizationId,
        details: { referralId: id, ...(body.reason !== undefined ? { reason: body.reason } : {}) },
        visibility: 'REFERRAL',
      });
      return this.view(db, id, organizationId);
    });
  }

  private async checkTarget(db: Db, toOrganizationId: string, fromOrganizationId: string): Promise<void> {
    if (toOrganizationId === fromOrganizationId) {
      throw invalidTarget('a referral goes to another organisation than yours');
    }
    const target = await this.referrals.target(db, toOrganizationId);
    if (!target || !target.active) throw invalidTarget('no such active organisation');
    // Nobody at the intercommunality answers referrals (the coordinator runs the network).
    if (target.type === 'INTERCOMMUNALITY') throw invalidTarget('the CCLO does not receive referrals');
  }

  private async view(db: Db, id: string, organizationId: string): Promise<ReferralView> {
    const row = await this.referrals.find(id, organizationId, db);
    if (!row) throw new Error('referral not readable after writing it');
    return toReferralView(row);
  }
}

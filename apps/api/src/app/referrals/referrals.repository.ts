import { Injectable } from '@nestjs/common';
import type { FragilityCriterion, OrganizationType, ReferralStatus } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { type ReferralFilters, referralListQueries, referralQuery } from './referrals.queries';

export interface ReferralRow {
  id: string;
  applicant_file_id: string;
  applicant_last_name: string;
  applicant_first_names: string;
  from_organization_id: string;
  from_organization_name: string;
  from_organization_type: OrganizationType;
  from_user_id: string;
  from_display_name: string;
  to_organization_id: string;
  to_organization_name: string;
  to_organization_type: OrganizationType;
  reason: string;
  suspected_criteria: FragilityCriterion[];
  appointment_wish: string | null;
  status: ReferralStatus;
  decline_reason: string | null;
  created_at: Date;
  responded_at: Date | null;
  done_at: Date | null;
}

/** What an answer needs to know about the referral it changes. */
export interface LockedReferral {
  id: string;
  applicant_file_id: string;
  from_organization_id: string;
  to_organization_id: string;
  status: ReferralStatus;
}

export interface ReferralTarget {
  id: string;
  name: string;
  type: OrganizationType;
  active: boolean;
}

/** The only class that reads and writes referrals. Every read applies the organisation's scope. */
@Injectable()
export class ReferralsRepository {
  constructor(private readonly transactions: Transactions) {}

  async find(
    id: string,
    organizationId: string,
    db: Db = this.transactions.pool,
  ): Promise<ReferralRow | null> {
    const { text, values } = referralQuery(id, organizationId);
    const rows = await db.query<ReferralRow[]>(text, values);
    return rows[0] ?? null;
  }

  async list(
    filters: ReferralFilters,
    organizationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: ReferralRow[]; total: number }> {
    const queries = referralListQueries(filters, organizationId, page);
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<ReferralRow[]>(queries.page.text, queries.page.values),
      db.query<{ total: number }[]>(queries.count.text, queries.count.values),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  /** Referrals addressed to the organisation that nobody has answered yet: its inbox badge. */
  async countUnhandled(organizationId: string): Promise<number> {
    const rows = await this.transactions.pool.query<{ unhandled: number }[]>(
      `SELECT count(*)::int AS unhandled FROM referral WHERE to_organization_id = $1 AND status = 'SENT'`,
      [organizationId],
    );
    return rows[0]?.unhandled ?? 0;
  }

  /** Locks a referral the organisation sent or received, until the end of the transaction. */
  async lock(db: Db, id: string, organizationId: string): Promise<LockedReferral | null> {
    const rows = await db.query<LockedReferral[]>(
      `SELECT r.id, r.applicant_file_id, r.from_organization_id, r.to_organization_id, r.status
         FROM referral r
        WHERE r.id = $1 AND (r.to_organization_id = $2 OR r.from_organization_id = $2)
        FOR UPDATE`,
      [id, organizationId],
    );
    return rows[0] ?? null;
  }

  async target(db: Db, organizationId: string): Promise<ReferralTarget | null> {
    const rows = await db.query<ReferralTarget[]>(
      'SELECT id, name, type, active FROM organization WHERE id = $1',
      [organizationId],
    );
    return rows[0] ?? null;
  }

  async insert(
    db: Db,
    referral: {
      applicantFileId: string;
      fromOrganizationId: string;
      fromUserId: string;
      toOrganizationId: string;
      reason: string;
      suspectedCriteria: FragilityCriterion[];
      appointmentWish: string | null;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO referral (applicant_file_id, from_organization_id, from_user_id, to_organization_id, reason,
         suspected_criteria, appointment_wish, status)
       VALUES ($1, $2, $3, $4, $5, $6::varchar[], $7, 'SENT')
       RETURNING id`,
      [
        referral.applicantFileId,
        referral.fromOrganizationId,
        referral.fromUserId,
        referral.toOrganizationId,
        referral.reason,
        referral.suspectedCriteria,
        referral.appointmentWish,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  /** ACCEPTED and DECLINED stamp the answer (who, when, why not); DONE stamps the end. */
  async answer(
    db: Db,
    id: string,
    answer: { status: 'ACCEPTED' | 'DECLINED' | 'DONE'; declineReason: string | null; userId: string },
  ): Promise<void> {
    const stamps =
      answer.status === 'DONE'
        ? 'done_at = now()'
        : 'responded_at = now(), responded_by_user_id = $3, decline_reason = $4';
    await db.query(
      `UPDATE referral SET status = $2, ${stamps}, updated_at = now() WHERE id = $1`,
      answer.status === 'DONE'
        ? [id, answer.status]
        : [id, answer.status, answer.userId, answer.declineReason],
    );
  }
}

import type { ReferralView } from '@passerelle/shared/domain';
import type { ReferralRow } from './referrals.repository';

/** Both sides see the same referral: the sender follows it, the receiver works it. */
export function toReferralView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    applicantFileId: row.applicant_file_id,
    applicant: { lastName: row.applicant_last_name, firstNames: row.applicant_first_names },
    from: {
      organizationId: row.from_organization_id,
      organizationName: row.from_organization_name,
      organizationType: row.from_organization_type,
      userId: row.from_user_id,
      displayName: row.from_display_name,
    },
    to: {
      organizationId: row.to_organization_id,
      organizationName: row.to_organization_name,
      organizationType: row.to_organization_type,
    },
    reason: row.reason,
    suspectedCriteria: row.suspected_criteria ?? [],
    appointmentWish: row.appointment_wish,
    status: row.status,
    declineReason: row.decline_reason,
    createdAt: row.created_at.toISOString(),
    respondedAt: row.responded_at ? row.responded_at.toISOString() : null,
    doneAt: row.done_at ? row.done_at.toISOString() : null,
  };
}

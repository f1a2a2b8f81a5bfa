import type { ReferralStatus } from '@passerelle/shared/domain';

/** SENT → ACCEPTED or DECLINED; ACCEPTED → DONE (DOMAIN.md §7). Nothing leaves DECLINED or DONE. */
const NEXT_STATUSES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  SENT: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['DONE'],
  DECLINED: [],
  DONE: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** The timeline event that records a referral's answer. */
export const REFERRAL_ANSWER_EVENTS = {
  ACCEPTED: 'REFERRAL_ACCEPTED',
  DECLINED: 'REFERRAL_DECLINED',
  DONE: 'REFERRAL_DONE',
} as const;

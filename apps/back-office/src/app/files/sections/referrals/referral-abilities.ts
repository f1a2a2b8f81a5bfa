import { type FileStatus, grantFor, type Principal } from '@passerelle/shared/domain';

export interface ReferralAbilities {
  /** The section shows the referrals the caller's organisation sent or received. */
  readonly list: boolean;
  /** « Orienter »: a closed demand is not referred any more. */
  readonly create: boolean;
}

export function referralAbilities(
  principal: Principal | null,
  status: FileStatus | undefined,
): ReferralAbilities {
  if (!principal || !status) return { list: false, create: false };
  return {
    list: grantFor(principal, 'referrals.list') !== undefined,
    create: grantFor(principal, 'referrals.create') !== undefined && status !== 'CLOSED',
  };
}

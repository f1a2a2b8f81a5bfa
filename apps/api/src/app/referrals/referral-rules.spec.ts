import { REFERRAL_STATUSES, type ReferralStatus } from '@passerelle/shared/domain';
import { canMoveReferral } from './referral-rules';

describe('referral transitions', () => {
  it('allows SENT → ACCEPTED, SENT → DECLINED and ACCEPTED → DONE, and nothing else', () => {
    const allowed: string[] = [];
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        if (canMoveReferral(from, to)) allowed.push(`${from}→${to}`);
      }
    }
    expect(allowed.sort()).toEqual(['ACCEPTED→DONE', 'SENT→ACCEPTED', 'SENT→DECLINED']);
  });

  it.each<[ReferralStatus, ReferralStatus]>([
    ['SENT', 'DONE'],
    ['ACCEPTED', 'DECLINED'],
    ['DECLINED', 'ACCEPTED'],
    ['DONE', 'DONE'],
  ])('refuses %s → %s', (from, to) => {
    expect(canMoveReferral(from, to)).toBe(false);
  });
});

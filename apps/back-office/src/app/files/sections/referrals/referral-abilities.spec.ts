import type { Principal } from '@passerelle/shared/domain';
import { referralAbilities } from './referral-abilities';

const as = (role: Principal['role']): Principal => ({ role, capabilities: [] });

describe('referralAbilities', () => {
  it('lets the partners list and send referrals, but not on a closed demand', () => {
    expect(referralAbilities(as('RELAY_CLERK'), 'CONTACT')).toEqual({ list: true, create: true });
    expect(referralAbilities(as('LANDLORD_OFFICER'), 'REGISTERED')).toEqual({ list: true, create: true });
    expect(referralAbilities(as('INFO_POINT_AGENT'), 'CLOSED')).toEqual({ list: true, create: false });
  });

  it('gives the coordinator and an unknown user nothing', () => {
    expect(referralAbilities(as('COORDINATOR'), 'REGISTERED')).toEqual({ list: false, create: false });
    expect(referralAbilities(null, 'REGISTERED')).toEqual({ list: false, create: false });
    expect(referralAbilities(as('SOCIAL_WORKER'), undefined)).toEqual({ list: false, create: false });
  });
});

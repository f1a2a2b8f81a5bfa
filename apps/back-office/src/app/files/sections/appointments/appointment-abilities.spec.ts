import type { Principal } from '@passerelle/shared/domain';
import { appointmentAbilities } from './appointment-abilities';

const as = (role: Principal['role']): Principal => ({ role, capabilities: [] });

describe('appointmentAbilities', () => {
  it('lets an info point book and start the one-month clock on a registered demand', () => {
    expect(appointmentAbilities(as('INFO_POINT_AGENT'), 'REGISTERED')).toEqual({
      appointments: true,
      receptionRequests: true,
      book: true,
      recordReceptionRequest: true,
    });
  });

  it('starts no clock before registration, and books nothing on a closed demand', () => {
    expect(appointmentAbilities(as('SOCIAL_WORKER'), 'CONTACT')).toMatchObject({
      book: true,
      recordReceptionRequest: false,
    });
    expect(appointmentAbilities(as('SOCIAL_WORKER'), 'CLOSED')).toMatchObject({
      appointments: true,
      book: false,
      recordReceptionRequest: false,
    });
  });

  it('shows a relay clerk the reception requests only, and the coordinator nothing', () => {
    expect(appointmentAbilities(as('RELAY_CLERK'), 'RENEWAL_DUE')).toEqual({
      appointments: false,
      receptionRequests: true,
      book: false,
      recordReceptionRequest: true,
    });
    expect(Object.values(appointmentAbilities(as('COORDINATOR'), 'REGISTERED'))).not.toContain(true);
  });
});

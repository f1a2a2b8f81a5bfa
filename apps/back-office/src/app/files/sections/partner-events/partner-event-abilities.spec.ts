import type { Principal } from '@passerelle/shared/domain';
import { recordablePartnerEvents, seesPartnerEvents } from './partner-event-abilities';

const as = (role: Principal['role']): Principal => ({ role, capabilities: [] });

describe('recordablePartnerEvents', () => {
  it('lets a landlord record everything, the signed lease included, on a registered demand', () => {
    expect(recordablePartnerEvents(as('LANDLORD_OFFICER'), 'REGISTERED')).toEqual([
      'OFFER_MADE',
      'OFFER_REFUSED',
      'COMMISSION_DECISION',
      'LEASE_SIGNED',
      'NOTE',
    ]);
    expect(recordablePartnerEvents(as('LANDLORD_OFFICER'), 'RENEWAL_DUE')).toContain('LEASE_SIGNED');
  });

  it('signs no lease before registration, and records nothing on a closed demand', () => {
    expect(recordablePartnerEvents(as('LANDLORD_OFFICER'), 'CONTACT')).not.toContain('LEASE_SIGNED');
    expect(recordablePartnerEvents(as('LANDLORD_OFFICER'), 'CLOSED')).toEqual([]);
  });

  it('follows the permission table for the other roles', () => {
    expect(recordablePartnerEvents(as('INFO_POINT_AGENT'), 'REGISTERED')).toEqual([
      'OFFER_MADE',
      'OFFER_REFUSED',
      'COMMISSION_DECISION',
      'NOTE',
    ]);
    expect(recordablePartnerEvents(as('SOCIAL_WORKER'), 'REGISTERED')).toEqual(['NOTE']);
    expect(recordablePartnerEvents(as('RELAY_CLERK'), 'REGISTERED')).toEqual([]);
    expect(recordablePartnerEvents(null, 'REGISTERED')).toEqual([]);
  });

  it('shows the section to those who may record events', () => {
    expect(seesPartnerEvents(as('SOCIAL_WORKER'))).toBe(true);
    expect(seesPartnerEvents(as('COORDINATOR'))).toBe(false);
    expect(seesPartnerEvents(null)).toBe(false);
  });
});

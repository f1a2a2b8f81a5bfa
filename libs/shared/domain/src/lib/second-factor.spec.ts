import { SECOND_FACTOR_REQUIRED_ROLES, normaliseRecoveryCode, readsSensitiveData } from './second-factor';

describe('second factor', () => {
  it('is required of every role that reads sensitive data, and of the coordinator', () => {
    expect(SECOND_FACTOR_REQUIRED_ROLES).toEqual([
      'INFO_POINT_AGENT',
      'SOCIAL_WORKER',
      'LANDLORD_OFFICER',
      'COORDINATOR',
    ]);
  });

  it('counts a relay clerk, who sees a contact card only, as not reading sensitive data', () => {
    expect(readsSensitiveData('RELAY_CLERK')).toBe(false);
    expect(readsSensitiveData('COORDINATOR')).toBe(false);
    expect(readsSensitiveData('SOCIAL_WORKER')).toBe(true);
  });

  it('reads a recovery code whatever its case, spaces and dashes', () => {
    expect(normaliseRecoveryCode(' abcd-efgh 2345-6789 ')).toBe('ABCDEFGH23456789');
  });
});

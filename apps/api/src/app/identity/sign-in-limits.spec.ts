import { addressKey } from './sign-in-limits';

describe('addressKey', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64 network, however it is written', () => {
    const network = '2001:db8:6:1::/64';
    for (const address of [
      '2001:db8:6:1::1',
      '2001:db8:6:1:ffff:ffff:ffff:ffff',
      '2001:0DB8:0006:0001:0000:0000:0000:abcd',
      '2001:db8:6:1:0:0:192.0.2.1',
      '2001:db8:6:1::192.0.2.1',
      '2001:db8:6:1::1%eth0',
    ])
      expect(addressKey(address)).toBe(network);
    expect(addressKey('2001:db8:6::1')).toBe('2001:db8:6:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('names an unknown peer', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { ipAddressKey, ipRangesOverlap, parseIpRange } from '@/lib/access/ip-range';

function range(text: string) {
  const parsed = parseIpRange(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.range;
}

function contains(rangeText: string, address: string): boolean {
  const bounds = range(rangeText);
  const key = ipAddressKey(address);
  return key !== null && key.family === bounds.family && bounds.first <= key.key && key.key <= bounds.last;
}

describe('IP ranges of institutions', () => {
  it('reads IPv4 and IPv6 ranges and single addresses into normalized bounds', () => {
    expect(range('192.0.2.0/24')).toEqual({ cidr: '192.0.2.0/24', family: 4, first: 'c0000200', last: 'c00002ff' });
    expect(range(' 10.1.2.3 ')).toEqual({ cidr: '10.1.2.3/32', family: 4, first: '0a010203', last: '0a010203' });
    expect(range('2001:DB8::/32')).toMatchObject({ cidr: '2001:db8::/32', family: 6, first: '20010db8' + '0'.repeat(24), last: '20010db8' + 'f'.repeat(24) });
    expect(range('2001:db8:0:0:1:0:0:1')).toMatchObject({ cidr: '2001:db8::1:0:0:1/128' });
    expect(range('0.0.0.0/0')).toMatchObject({ first: '00000000', last: 'ffffffff' });
  });

  it('finds the addresses inside a range and no others, IPv4 written as IPv6 included', () => {
    expect(contains('192.0.2.0/24', '192.0.2.77')).toBe(true);
    expect(contains('192.0.2.0/24', '192.0.3.1')).toBe(false);
    expect(contains('192.0.2.0/24', '::ffff:192.0.2.9')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(contains('2001:db8::/32', '192.0.2.1')).toBe(false);
    expect(ipAddressKey('::ffff:c000:0201')).toEqual({ family: 4, key: 'c0000201' });
    expect(ipAddressKey('unknown')).toBeNull();
    expect(ipAddressKey('forwarded-unverified')).toBeNull();
  });

  it('refuses malformed ranges with a reason and, for stray host bits, the range meant', () => {
    const error = (text: string) => {
      const parsed = parseIpRange(text);
      return parsed.ok ? 'accepted' : parsed.error;
    };
    expect(error('192.0.2.5/24')).toBe('"192.0.2.5/24" has address bits set after the /24 prefix. Did you mean 192.0.2.0/24?');
    expect(error('2001:db8::1/32')).toContain('Did you mean 2001:db8::/32?');
    expect(error('192.0.2.0/33')).toContain('a whole number from 0 to 32 for an IPv4 range');
    expect(error('2001:db8::/129')).toContain('from 0 to 128 for an IPv6 range');
    expect(error('192.0.2.0/2x')).toContain('from 0 to 32');
    expect(error('300.1.1.1/8')).toContain('is not an IP address or range');
    expect(error('192.0.2.0/24/8')).toContain('is not an IP address or range');
    expect(error('example.org')).toContain('is not an IP address or range');
    expect(error('')).toBe('The range is empty. Write an address or a range such as 192.0.2.0/24 or 2001:db8::/32.');
  });

  it('tells overlapping ranges apart from neighbours', () => {
    expect(ipRangesOverlap(range('192.0.2.0/24'), range('192.0.2.128/25'))).toBe(true);
    expect(ipRangesOverlap(range('192.0.2.0/25'), range('192.0.2.128/25'))).toBe(false);
    expect(ipRangesOverlap(range('2001:db8::/32'), range('2001:db8:1::/48'))).toBe(true);
    expect(ipRangesOverlap(range('0.0.0.0/0'), range('::/0'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/staff/auth/client-ip';

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientIp without TRUSTED_PROXIES', () => {
  it('counts the one address Next records for a client that reaches it directly', () => {
    expect(clientIp(forwarded('192.0.2.44'), { trustedProxies: '' })).toBe('192.0.2.44');
    expect(clientIp(new Headers(), { trustedProxies: '' })).toBe('unknown');
  });

  it('does not let a client pick the counted address by sending a list: every such list counts as one', () => {
    const first = clientIp(forwarded('6.6.6.6, 10.0.0.2'), { trustedProxies: '' });
    const second = clientIp(forwarded('7.7.7.7, 10.0.0.3'), { trustedProxies: '' });
    expect(first).not.toBe('10.0.0.2');
    expect(second).toBe(first);
  });

  it('ignores X-Real-IP, which any client can send', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '9.9.9.9' }), { trustedProxies: '' })).toBe('unknown');
  });
});

describe('clientIp behind TRUSTED_PROXIES', () => {
  it('walks from the right past the trusted proxies to the first address they did not add themselves', () => {
    expect(clientIp(forwarded('6.6.6.6, 203.0.113.9, 10.0.0.2'), { trustedProxies: '10.0.0.0/8' })).toBe('203.0.113.9');
    expect(clientIp(forwarded('203.0.113.9, 10.1.2.3, 10.0.0.2'), { trustedProxies: '10.0.0.0/8, 192.0.2.1' })).toBe('203.0.113.9');
    expect(clientIp(forwarded('2001:db8::7, fd00::1'), { trustedProxies: 'fd00::/8' })).toBe('2001:db8::7');
  });

  it('stops at the immediate peer when it is not a trusted proxy, so what it claims is ignored', () => {
    expect(clientIp(forwarded('6.6.6.6, 198.51.100.20'), { trustedProxies: '10.0.0.0/8' })).toBe('198.51.100.20');
  });

  it('takes the leftmost address when every hop is a trusted proxy', () => {
    expect(clientIp(forwarded('10.0.0.5, 10.0.0.2'), { trustedProxies: '10.0.0.0/8' })).toBe('10.0.0.5');
  });
});

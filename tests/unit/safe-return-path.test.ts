import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { clientIp } from '@/lib/auth/client-ip';

describe('safeReturnPath', () => {
  it.each([
    ['/desk/articles/4', '/desk/articles/4'],
    ['/desk?filter=mine', '/desk?filter=mine'],
    [undefined, '/desk'],
    ['https://evil.example/desk', '/desk'],
    ['//evil.example/desk', '/desk'],
    ['/articles/x', '/desk'],
    ['/desk-evil', '/desk'],
    ['javascript:alert(1)', '/desk'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe('clientIp', () => {
  it('takes the address the nearest proxy added, not one the client chose', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientIp(new Headers({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});

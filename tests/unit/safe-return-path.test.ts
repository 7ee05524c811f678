import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/staff/auth/safe-return-path';

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


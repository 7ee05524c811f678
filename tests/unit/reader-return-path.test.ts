import { describe, expect, it } from 'vitest';
import { isReaderReturnPath, readSignInLink } from '@/lib/readers/sign-in-link';

const TOKEN = 'a'.repeat(32);

describe('where a reader lands after signing in', () => {
  it('brings a reader who signed in to join back to the join page', () => {
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org', callbackUrl: '/join' })?.callbackUrl).toBe('/join');
  });

  it('allows the account pages and the join page, and nothing that merely starts like them', () => {
    expect(['/account', '/account/export', '/join'].filter(isReaderReturnPath)).toEqual(['/account', '/account/export', '/join']);
    expect(['/joined', '/join/x', '/accountant', '/desk', '/'].filter(isReaderReturnPath)).toEqual([]);
  });
});

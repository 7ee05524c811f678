import { describe, expect, it } from 'vitest';
import { readSignInLink, signInPageUrl } from '@/lib/readers/sign-in-link';

const TOKEN = 'a'.repeat(64);

describe('the page an emailed sign-in link opens', () => {
  it('is on the site’s own address and carries the token, the address and where to go afterwards', () => {
    const url = signInPageUrl({ siteUrl: 'https://magazine.example', authUrl: `https://evil.example/api/reader-auth/callback/email?callbackUrl=%2Faccount&token=${TOKEN}&email=a%40b.org&extra=1` });
    expect(url).toBe(`https://magazine.example/account/sign-in?token=${TOKEN}&email=a%40b.org&callbackUrl=%2Faccount`);
  });

  it('passes on a well-formed link', () => {
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org', callbackUrl: '/account?done=1' })).toEqual({ token: TOKEN, email: 'a@b.org', callbackUrl: '/account?done=1' });
  });

  it('sends the reader only to account pages afterwards', () => {
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org', callbackUrl: 'https://evil.example/account' })?.callbackUrl).toBe('/account');
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org', callbackUrl: '/accountant' })?.callbackUrl).toBe('/account');
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org', callbackUrl: '/desk' })?.callbackUrl).toBe('/account');
    expect(readSignInLink({ token: TOKEN, email: 'a@b.org' })?.callbackUrl).toBe('/account');
  });

  it('refuses a link with a part missing, repeated or malformed', () => {
    expect(readSignInLink({ email: 'a@b.org' })).toBeNull();
    expect(readSignInLink({ token: TOKEN })).toBeNull();
    expect(readSignInLink({ token: [TOKEN, TOKEN], email: 'a@b.org' })).toBeNull();
    expect(readSignInLink({ token: '<script>', email: 'a@b.org' })).toBeNull();
    expect(readSignInLink({ token: TOKEN, email: 'not-an-address' })).toBeNull();
  });
});

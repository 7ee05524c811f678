import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { GET, POST } from '@/app/api/reader-auth/[...nextauth]/route';
import { mailTo } from '../factories/outbox';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const BASE = 'http://localhost:3000/api/reader-auth';

/** A CSRF token and its cookie, as a client posting straight to Auth.js first fetches them. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await GET(new NextRequest(`${BASE}/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]!).join('; ');
  return { token: csrfToken, cookie };
}

async function askForLinkDirectly({ email, ip }: { email: string; ip: string }): Promise<string> {
  const { token, cookie } = await csrf();
  const response = await POST(
    new NextRequest(`${BASE}/signin/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, 'X-Forwarded-For': ip },
      body: new URLSearchParams({ email, csrfToken: token, callbackUrl: '/account' }).toString(),
    }),
  );
  const location = new URL(response.headers.get('location') ?? 'http://none.invalid/');
  return `${location.pathname}${location.search}`;
}

describe('asking Auth.js for a reader sign-in link directly', () => {
  it('sends the first five links for an address, then refuses the sixth with the reason and queues nothing more', async () => {
    createTestSubscriber({ email: 'member@example.org' });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await askForLinkDirectly({ email: 'member@example.org', ip: `198.51.100.${attempt}` })).toContain('verify-request?provider=email');
      expect(mailTo('member@example.org')).toHaveLength(attempt + 1);
    }
    expect(await askForLinkDirectly({ email: 'member@example.org', ip: '198.51.100.99' })).toBe('/account?problem=rate_limited');
    expect(mailTo('member@example.org')).toHaveLength(5);
  });
});

describe('asking Auth.js for reader sign-in links from one address', () => {
  it('sends links for twenty addresses, then refuses the twenty-first with the reason', async () => {
    for (let index = 0; index < 21; index++) createTestSubscriber({ email: `reader${index}@example.org` });
    for (let index = 0; index < 20; index++) {
      expect(await askForLinkDirectly({ email: `reader${index}@example.org`, ip: '203.0.113.5' })).toContain('verify-request?provider=email');
    }
    expect(await askForLinkDirectly({ email: 'reader20@example.org', ip: '203.0.113.5' })).toBe('/account?problem=rate_limited');
    expect(mailTo('reader20@example.org')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { GET, POST } from '@/app/api/reader-auth/[...nextauth]/route';
import { mailTo } from '../factories/outbox';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const BASE = 'http://localhost:3000/api/reader-auth';

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]!);
}

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await GET(new NextRequest(`${BASE}/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiesFrom(response).join('; ') };
}

/** Asks for a link, follows the newest one mailed, and returns the session cookie the browser would keep. */
async function signInByLink(email: string): Promise<string> {
  const { token, cookie } = await csrf();
  await POST(
    new NextRequest(`${BASE}/signin/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ email, csrfToken: token, callbackUrl: '/account' }).toString(),
    }),
  );
  const link = new URL(mailTo(email)[0]!.text.match(/https?:\/\/\S+\/account\/sign-in\?\S+/)![0]);
  const callback = new URL(`${BASE}/callback/email`);
  for (const name of ['callbackUrl', 'token', 'email']) callback.searchParams.set(name, link.searchParams.get(name)!);
  const response = await GET(new NextRequest(callback, { headers: { Cookie: cookie } }));
  const session = cookiesFrom(response).find((line) => line.startsWith('masthead-reader.session-token='));
  expect(session, 'the link signs the reader in').toBeTruthy();
  return session!;
}

async function sessionEmail(sessionCookie: string): Promise<string | null> {
  const response = await GET(new NextRequest(`${BASE}/session`, { headers: { Cookie: sessionCookie } }));
  const body = (await response.json()) as { user?: { email?: string } } | null;
  return body?.user?.email ?? null;
}

async function signOut(sessionCookie: string): Promise<void> {
  const { token, cookie } = await csrf();
  await POST(
    new NextRequest(`${BASE}/signout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `${cookie}; ${sessionCookie}` },
      body: new URLSearchParams({ csrfToken: token, callbackUrl: '/account' }).toString(),
    }),
  );
}

describe('a reader signing out', () => {
  it('makes the old session cookie useless, even a copy kept elsewhere', async () => {
    createTestSubscriber({ email: 'member@example.org' });
    const cookie = await signInByLink('member@example.org');
    expect(await sessionEmail(cookie)).toBe('member@example.org');
    await signOut(cookie);
    expect(await sessionEmail(cookie)).toBeNull();
  });

  it('can sign in again afterwards with a new link', async () => {
    createTestSubscriber({ email: 'member@example.org' });
    await signOut(await signInByLink('member@example.org'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await sessionEmail(await signInByLink('member@example.org'))).toBe('member@example.org');
  });
});

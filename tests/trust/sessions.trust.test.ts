import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { DEMO_PASSWORD, signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3250;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-sessions/masthead.db');

let app: AppProcess | undefined;
afterAll(async () => app?.stop());

it('guards sessions: cookie flags, other-site requests, sign-out and disabling end them, and sign-in says nothing about who exists', async () => {
  seedDemo(databasePath);
  app = await startApp({ port: PORT, databasePath });
  const url = app.url;
  const problems: string[] = [];
  let tried = 0;
  const check = (isFine: boolean, problem: string) => {
    tried += 1;
    if (!isFine) problems.push(problem);
  };

  // Cookie flags, read from the sign-in response itself.
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const signIn = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ email: 'author@demo.masthead', password: DEMO_PASSWORD, csrfToken }).toString(),
  });
  const sessionCookie = signIn.headers.getSetCookie().find((line) => line.includes('session-token='));
  check(Boolean(sessionCookie), 'sign-in set no session cookie');
  check(/;\s*HttpOnly/i.test(sessionCookie ?? ''), 'the session cookie is readable by scripts (no HttpOnly)');
  check(/;\s*SameSite=(Lax|Strict)/i.test(sessionCookie ?? ''), 'the session cookie has no SameSite');

  // Another site cannot make a signed-in browser change anything.
  const editor = await signInStaff({ baseUrl: url, email: 'editor@demo.masthead' });
  const article = await editor.request('/api/desk/articles/1');
  const forged = await fetch(`${url}/api/desk/articles/1/workflow`, {
    method: 'POST',
    headers: { Cookie: editor.cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'unpublish', note: 'forged' }),
  });
  check(forged.status === 403, `a request from another origin answered ${forged.status}`);
  const after = await editor.request('/api/desk/articles/1');
  check(JSON.stringify(after.json) === JSON.stringify(article.json), 'the forged request changed the article');

  // Signing out ends the session, even for a copy of the cookie, and only that session.
  const author = await signInStaff({ baseUrl: url, email: 'author@demo.masthead' });
  const authorElsewhere = await signInStaff({ baseUrl: url, email: 'author@demo.masthead' });
  check((await author.request('/api/desk/link-targets?q=treaty')).status === 200, 'a fresh session was refused');
  const signOutCsrf = (await (await fetch(`${url}/api/auth/csrf`, { headers: { Cookie: author.cookie } })).json()) as { csrfToken: string };
  await fetch(`${url}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: author.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: signOutCsrf.csrfToken }).toString(),
  });
  check((await author.request('/api/desk/link-targets?q=treaty')).status === 401, 'a copied cookie still worked after sign-out');
  check((await authorElsewhere.request('/api/desk/link-targets?q=treaty')).status === 200, 'signing out on one device ended the session on another');

  // Disabling an account ends its sessions at once.
  const victim = await signInStaff({ baseUrl: url, email: 'editor@demo.masthead' });
  const sqlite = new Database(databasePath);
  sqlite.prepare("update users set is_active = 0 where email = 'editor@demo.masthead'").run();
  sqlite.close();
  check((await victim.request('/api/desk/link-targets?q=treaty')).status === 401, 'a disabled account’s session still worked');

  // Sign-in answers a wrong password and an unknown address alike.
  const attempt = async (email: string) => {
    const token = await fetch(`${url}/api/auth/csrf`);
    const body = (await token.json()) as { csrfToken: string };
    const response = await fetch(`${url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: token.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') },
      body: new URLSearchParams({ email, password: 'not the password', csrfToken: body.csrfToken }).toString(),
    });
    return `${response.status} ${response.headers.get('location')?.replace(/^https?:\/\/[^/]+/, '')}`;
  };
  check((await attempt('admin@demo.masthead')) === (await attempt('nobody@demo.masthead')), 'sign-in told a known address from an unknown one');

  // Subscribing and asking for a reader's sign-in link answer a known and an unknown address alike.
  const subscribeAs = async (email: string) => {
    const response = await fetch(`${url}/api/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, wantsIssueEmail: true }) });
    return `${response.status} ${await response.text()}`;
  };
  await subscribeAs('known-reader@example.org');
  check((await subscribeAs('known-reader@example.org')) === (await subscribeAs('new-reader@example.org')), 'subscribing told a known address from a new one');
  const readerLinkFor = async (email: string) => {
    const token = await fetch(`${url}/api/reader-auth/csrf`);
    const { csrfToken: readerCsrf } = (await token.json()) as { csrfToken: string };
    const response = await fetch(`${url}/api/reader-auth/signin/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: token.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') },
      body: new URLSearchParams({ email, csrfToken: readerCsrf, callbackUrl: `${url}/account` }).toString(),
    });
    return `${response.status} ${response.headers.get('location')}`;
  };
  check((await readerLinkFor('known-reader@example.org')) === (await readerLinkFor('stranger@example.org')), 'the reader sign-in link request told a known address from an unknown one');
  recordTrustResult({ check: 'Sessions, cross-site requests and enumeration', tried, failures: problems.length, figures: problems.join('; ') || 'HttpOnly + SameSite cookies; sign-out ends that session and its copies, not the account’s others; disabling ends all; other-origin writes refused; sign-in, subscribe and reader sign-in links answer known and unknown addresses alike' });
  expect(problems).toEqual([]);
});

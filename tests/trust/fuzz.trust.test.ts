import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { fuzzString, seededRandom } from './support/fuzz-strings';
import { recordTrustResult } from './support/trust-results';

const PORT = 3240;
const CASES_PER_ENDPOINT = Number(process.env.TRUST_FUZZ_CASES ?? 60);
const TIME_LIMIT_MS = 5_000;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-fuzz/masthead.db');

let app: AppProcess | undefined;
afterAll(async () => app?.stop());

/** next-auth's double-submit pair: the cookie and the token that must come back with it in the form. */
type Csrf = { token: string; cookie: string };

type Endpoint = { name: string; request: (value: string, random: () => number, csrf: Csrf) => { path: string; init?: RequestInit } };

const STAFF_SIGN_IN = 'staff sign-in';

/** Percent-encodes anything, lone surrogates included (as the invalid UTF-8 a hostile client could send). */
function encode(value: string): string {
  return value.replace(/[\uD800-\uDFFF]/g, '\u0001').split('\u0001').map((part) => encodeURIComponent(part)).join('%ED%A0%80');
}

const segment = (value: string) => encode(value).slice(0, 4_000) || '%20';

const ENDPOINTS: Endpoint[] = [
  { name: 'search', request: (value) => ({ path: `/search?q=${encode(value)}&page=${encode(value.slice(0, 5))}&sort=${encode(value.slice(0, 8))}` }) },
  { name: 'article page', request: (value) => ({ path: `/articles/${segment(value)}` }) },
  { name: 'entity page', request: (value, random) => ({ path: `/${['countries', 'treaties', 'people', 'organizations', 'topics'][Math.floor(random() * 5)]}/${segment(value)}?page=${encode(value.slice(0, 6))}` }) },
  { name: 'entity feed', request: (value) => ({ path: `/treaties/${segment(value)}/feed.xml` }) },
  { name: 'issue page and feed', request: (value, random) => ({ path: `/issues/${segment(value)}${random() < 0.5 ? '/feed.xml' : ''}` }) },
  { name: 'site feeds', request: (value, random) => ({ path: `/${random() < 0.5 ? 'feed.xml' : 'atom.xml'}?x=${encode(value)}` }) },
  { name: 'media', request: (value) => ({ path: `/api/media/${segment(value)}/${segment(value.slice(3))}` }) },
  { name: 'preview link', request: (value) => ({ path: `/preview/${segment(value)}` }) },
  { name: 'reader sign-in link page', request: (value) => ({ path: `/account/sign-in?token=${encode(value)}&email=${encode(value)}&callbackUrl=${encode(value)}` }) },
  {
    name: 'subscribe (JSON)',
    request: (value, random) => ({
      path: '/api/subscribe',
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: random() < 0.3 ? value : JSON.stringify({ email: value, follows: [value, 1, -1], frequency: value, wantsIssueEmail: value }),
      },
    }),
  },
  {
    name: 'subscribe (form)',
    request: (value) => ({ path: '/api/subscribe', init: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: value, follow: value }).toString() } }),
  },
  { name: 'one-click unsubscribe', request: (value) => ({ path: `/api/unsubscribe?token=${encode(value)}`, init: { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } }) },
  {
    name: STAFF_SIGN_IN,
    // A valid CSRF pair, so the hostile email and password reach the credential check itself.
    request: (value, random, csrf) => ({
      path: '/api/auth/callback/credentials',
      init: {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrf.cookie },
        body: new URLSearchParams({ email: random() < 0.5 ? value : `${value}@demo.masthead`, password: value, csrfToken: csrf.token, callbackUrl: value }).toString(),
      },
    }),
  },
  { name: 'desk API without a session', request: (value) => ({ path: `/api/desk/articles/${segment(value)}`, init: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: value } }) },
];

it('answers hostile input on every public endpoint without a server error, quickly', async () => {
  seedDemo(databasePath);
  app = await startApp({ port: PORT, databasePath });
  const random = seededRandom(20261128);
  const csrf = await fetchCsrf(app.url);
  const failures: string[] = [];
  const signInAnswers = new Map<string, number>();
  let tried = 0;
  let slowest = 0;
  for (const endpoint of ENDPOINTS) {
    for (let index = 0; index < CASES_PER_ENDPOINT; index += 1) {
      const value = fuzzString(random);
      const { path: target, init } = endpoint.request(value, random, csrf);
      const started = performance.now();
      tried += 1;
      try {
        const response = await fetch(`${app.url}${target}`, { redirect: 'manual', ...init, signal: AbortSignal.timeout(TIME_LIMIT_MS) });
        await response.arrayBuffer();
        const elapsed = performance.now() - started;
        slowest = Math.max(slowest, elapsed);
        if (response.status >= 500) failures.push(`${endpoint.name}: ${response.status} for ${JSON.stringify(value.slice(0, 80))}`);
        if (endpoint.name === STAFF_SIGN_IN) {
          const answer = signInAnswer(response);
          signInAnswers.set(answer, (signInAnswers.get(answer) ?? 0) + 1);
          if (answer !== 'wrong email or password' && answer !== 'too many attempts') failures.push(`${endpoint.name}: answered "${answer}" for ${JSON.stringify(value.slice(0, 80))}`);
        }
      } catch (error) {
        failures.push(`${endpoint.name}: ${(error as Error).name} for ${JSON.stringify(value.slice(0, 80))}`);
      }
    }
  }
  const isAlive = (await fetch(`${app.url}/api/health`)).ok;
  const sqlite = new Database(databasePath, { readonly: true });
  const checkedSignIns = (sqlite.prepare('select count(*) as count from login_attempts').get() as { count: number }).count;
  sqlite.close();
  if (checkedSignIns === 0) failures.push(`${STAFF_SIGN_IN}: no attempt reached the credential check (login_attempts is empty)`);
  recordTrustResult({
    check: 'Fuzz: public endpoints',
    tried,
    failures: failures.length + (isAlive ? 0 : 1),
    figures: `${ENDPOINTS.length} endpoints; slowest answer ${Math.round(slowest)} ms (limit ${TIME_LIMIT_MS} ms); staff sign-in: ${checkedSignIns} of ${CASES_PER_ENDPOINT} checked against the accounts (${[...signInAnswers].map(([answer, count]) => `${count} "${answer}"`).join(', ')}); server alive afterwards: ${isAlive ? 'yes' : 'no'}`,
  });
  expect(failures).toEqual([]);
  expect(isAlive).toBe(true);
});

async function fetchCsrf(baseUrl: string): Promise<Csrf> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
  return { token: csrfToken, cookie };
}

/** What the sign-in page will tell the person, read from where next-auth sends them. */
function signInAnswer(response: Response): string {
  const location = response.headers.get('location');
  if (!location) return `status ${response.status} without a redirect`;
  const query = new URL(location, 'http://localhost').searchParams;
  if (query.get('error') === 'CredentialsSignin') return query.get('code')?.startsWith('rate_limited') ? 'too many attempts' : 'wrong email or password';
  return query.get('error') ? `error ${query.get('error')}` : `sent to ${location.slice(0, 80)}`;
}

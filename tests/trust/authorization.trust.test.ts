import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { MatrixFixtures, STAFF_EMAILS, type Caller } from './support/authorization-fixtures';
import { startFakeStripeApi } from '../factories/fake-stripe-api';
import { MATRIX_STRIPE, tinyPng } from './support/authorization-secrets';
import { stopEmptyApps } from './support/empty-app';
import {
  ACTIONS,
  actionRefusal,
  ROUTES,
  routeRefusal,
  type Access,
  type ActionArgument,
  type ActionRow,
  type CallContext,
  type Check,
  type Outcome,
  type Prepared,
  type Refusal,
  type RouteRow,
} from './support/authorization-table';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3260;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-authorization/masthead.db');
const mediaDir = path.join(REPO_ROOT, 'tests/.tmp/trust-authorization/media');
/** Tables that change on every request by design (attempt logs, refused payment webhooks, presence heartbeats, rate-limit counters). */
const VOLATILE_TABLES = new Set(['payment_events', 'login_attempts', 'rate_limit_hits', 'article_presence', '__drizzle_migrations', 'reader_sign_in_tokens', 'sqlite_sequence']);

let app: AppProcess | undefined;
let stripeApi: Awaited<ReturnType<typeof startFakeStripeApi>> | undefined;
afterAll(async () => {
  await stopEmptyApps();
  await app?.stop();
  await stripeApi?.stop();
});

const CALLERS: Caller[] = ['anonymous', 'reader', 'other author', 'author', 'editor', 'admin'];

it('lets exactly the right people call every route handler and server action, refuses the rest with a reason, and a refusal changes nothing', async () => {
  seedDemo(databasePath);
  const fixtures = new MatrixFixtures(databasePath);
  fixtures.addSecondAuthor();
  const readerEmail = fixtures.subscriber().email;
  // The worker's own writes (digests, mail) would be taken for effects of the calls under test.
  stripeApi = await startFakeStripeApi();
  app = await startApp({
    port: PORT,
    databasePath,
    env: { MASTHEAD_WORKER: 'off', MEDIA_DIR: mediaDir, STRIPE_SECRET_KEY: MATRIX_STRIPE.secretKey, STRIPE_WEBHOOK_SECRET: MATRIX_STRIPE.webhookSecret, STRIPE_API_URL: stripeApi.url },
  });
  const url = app.url;
  const signIn = async (caller: Caller, email = readerEmail): Promise<string> => {
    if (caller === 'anonymous') return '';
    if (caller === 'reader') return readerCookie(url, email);
    return (await signInStaff({ baseUrl: url, email: STAFF_EMAILS[caller] })).cookie;
  };
  const cookies = {} as Record<Caller, string>;
  for (const caller of CALLERS) cookies[caller] = await signIn(caller);
  const media = await uploadImage(url, cookies.author);

  const routes = listRoutes();
  const actions = listActions();
  const missing = [...routes.filter((key) => !ROUTES[key]), ...actions.map((action) => action.key).filter((key) => !ACTIONS[key])];
  const stale = [...Object.keys(ROUTES).filter((key) => !routes.includes(key)), ...Object.keys(ACTIONS).filter((key) => !actions.some((action) => action.key === key))];

  const problems: string[] = [];
  const tally = { calls: 0, refusals: 0, successes: 0 };
  const sqlite = new Database(databasePath, { readonly: true });
  const fingerprint = () => fingerprintOf(sqlite);
  const only = process.env.MATRIX_ONLY ? new RegExp(process.env.MATRIX_ONLY) : null;
  const contextFor = (caller: Caller): CallContext => ({ fixtures, caller, url, media, freshSession: (email?: string) => signIn(caller, email) });

  /** One call as `caller` (or as the holder of a real secret): refused with its reason and nothing changed, or done with its effect. */
  const judge = async <Row extends RouteRow | ActionRow>({ key, row, caller, isHolder, send, refusal }: { key: string; row: Row; caller: Caller; isHolder: boolean; send: (prepared: Prepared, call: CallContext, cookie: string) => Promise<Outcome>; refusal: Refusal }) => {
    const call = contextFor(caller);
    const steps = isHolder ? row.holder! : row;
    fixtures.forgetRateLimits();
    let prepared: Prepared;
    try {
      prepared = ((await steps.prepare?.(call)) ?? {}) as Prepared;
    } catch (error) {
      problems.push(`${key} as ${caller}: its records could not be prepared: ${(error as Error).message}`);
      return;
    }
    const cookie = prepared.cookie === undefined || prepared.cookie === null ? (isHolder ? '' : cookies[caller]) : prepared.cookie;
    const isAllowed = isHolder || allows(row.access, caller);
    const before = fingerprint();
    const outcome = await send(prepared, call, cookie);
    tally.calls += 1;
    const label = `${key} as ${isHolder ? 'holder of a real token' : caller}`;
    if (outcome.status >= 500) {
      problems.push(`${label}: ${outcome.status} ${outcome.text.slice(0, 200)}`);
      return;
    }
    if (isAllowed) {
      tally.successes += 1;
      const problem = (steps.succeeded as (outcome: Outcome, prepared: Prepared, call: CallContext) => Check)(outcome, prepared, call);
      if (problem) problems.push(`${label}: should succeed, but ${problem}`);
      return;
    }
    tally.refusals += 1;
    const reason = refusalProblem(outcome, refusal);
    if (reason) problems.push(`${label}: should be refused (${describe(refusal)}), but ${reason}`);
    if (fingerprint() !== before) problems.push(`${label}: refused, yet the database changed`);
  };

  const sendRoute = (key: string, steps: Pick<RouteRow, 'request'>) => async (prepared: Prepared, call: CallContext, cookie: string): Promise<Outcome> => {
    const method = key.split(' ')[0]!;
    const request = steps.request(prepared, call);
    const body = request.body;
    const isForm = body instanceof FormData;
    const response = await fetch(`${prepared.baseUrl ?? url}${request.path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        Origin: prepared.baseUrl ?? url,
        ...(body === undefined || isForm ? {} : { 'Content-Type': typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' }),
        ...request.headers,
      },
      body: body === undefined ? undefined : isForm || typeof body === 'string' ? (body as FormData | string) : JSON.stringify(body),
    });
    return outcomeOf(response, await response.text());
  };

  for (const key of routes.filter((route) => ROUTES[route] && (!only || only.test(route)))) {
    const row = ROUTES[key]!;
    for (const caller of orderedCallers(row.access)) {
      await judge({ key, row, caller, isHolder: false, send: sendRoute(key, row), refusal: row.refusals?.[caller] ?? routeRefusal({ access: row.access, caller }) });
    }
    if (row.holder) await judge({ key, row, caller: 'anonymous', isHolder: true, send: sendRoute(key, row.holder), refusal: {} });
    if (row.access === 'token' && !row.holder) noHolder.push(key);
    // A scene a role alone cannot make (a turned-off account, a locked article): refused like a caller without access.
    for (const scene of row.refusedWhen ?? []) {
      await judge({ key: `${key} when ${scene.when}`, row: { ...row, access: 'token', prepare: scene.prepare }, caller: scene.caller, isHolder: false, send: sendRoute(key, row), refusal: scene.refusal });
    }
  }

  const { encodeReply } = (await import('next/dist/compiled/react-server-dom-webpack/client.edge' as string)) as { encodeReply: (value: unknown) => Promise<string | FormData> };
  for (const action of actions.filter((candidate) => ACTIONS[candidate.key] && (!only || only.test(candidate.key)))) {
    const row = ACTIONS[action.key]!;
    const sendAction = (steps: Pick<ActionRow, 'args'>) => async (prepared: Prepared, call: CallContext, cookie: string): Promise<Outcome> => {
      const body = await encodeReply(steps.args(prepared, call).map(toArgument));
      const response = await fetch(`${prepared.baseUrl ?? url}${row.page ?? action.page}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Next-Action': action.id,
          Accept: 'text/x-component',
          Origin: prepared.baseUrl ?? url,
          ...(cookie ? { Cookie: cookie } : {}),
          ...(typeof body === 'string' ? { 'Content-Type': 'text/plain;charset=UTF-8' } : {}),
        },
        body,
      });
      return outcomeOf(response, await response.text());
    };
    for (const caller of orderedCallers(row.access)) {
      await judge({ key: action.key, row, caller, isHolder: false, send: sendAction(row), refusal: row.refusals?.[caller] ?? actionRefusal({ access: row.access, caller }) });
    }
    if (row.holder) await judge({ key: action.key, row, caller: 'anonymous', isHolder: true, send: sendAction(row.holder), refusal: {} });
    if (row.access === 'token' && !row.holder) noHolder.push(action.key);
  }
  sqlite.close();
  fixtures.close();

  const failures = problems.length + missing.length + stale.length;
  recordTrustResult({
    check: 'Authorization matrix: every route and server action × caller',
    tried: tally.calls,
    failures,
    figures: `${routes.length} route handlers and ${actions.length} server actions; ${tally.refusals} refusals checked for their reason, ${tally.successes} allowed calls checked for their effect; ${missing.length} without a row${missing.length ? ` (${missing.join(', ')})` : ''}; no successful twin: ${noHolder.join(', ') || 'none'}`,
  });
  expect({ missing, stale, problems }).toEqual({ missing: [], stale: [], problems: [] });
});

/** Token rows that cannot be shown succeeding in this run (listed in the summary). */
const noHolder: string[] = [];

function allows(access: Access, caller: Caller): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'token':
      return false;
    case 'reader':
      return caller === 'reader';
    case 'staff':
      return ['author', 'other author', 'editor', 'admin'].includes(caller);
    case 'own':
      return ['author', 'editor', 'admin'].includes(caller);
    case 'editor':
      return caller === 'editor' || caller === 'admin';
    case 'admin':
      return caller === 'admin';
  }
}

/** Refused callers first, so an allowed call cannot change what a later refusal is compared with. */
function orderedCallers(access: Access): Caller[] {
  return [...CALLERS.filter((caller) => !allows(access, caller)), ...CALLERS.filter((caller) => allows(access, caller))];
}

/** Why an answer is not the expected refusal, or nothing when it is. */
function refusalProblem(outcome: Outcome, refusal: Refusal): string | undefined {
  if (refusal.status !== undefined && outcome.status !== refusal.status) return `answered ${outcome.status}: ${outcome.text.slice(0, 160)}`;
  if (refusal.redirect !== undefined) {
    const isSent = typeof refusal.redirect === 'string' ? outcome.redirect === refusal.redirect : refusal.redirect.test(outcome.redirect);
    if (!isSent) return `was sent to "${outcome.redirect}" (${outcome.status}): ${outcome.text.slice(-160)}`;
  }
  if (refusal.says !== undefined && !outcome.text.includes(refusal.says)) return `said: ${outcome.text.slice(-200)}`;
  return undefined;
}

function describe(refusal: Refusal): string {
  return [refusal.status, refusal.says && `"${refusal.says}"`, refusal.redirect && `to ${String(refusal.redirect)}`].filter(Boolean).join(' ');
}

function outcomeOf(response: Response, text: string): Outcome {
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: pages, feeds, images and action payloads are read as text.
  }
  // An action's redirect comes as `x-action-redirect: <path>;<push|replace>`; a route's as Location.
  const target = (response.headers.get('x-action-redirect') ?? response.headers.get('location') ?? '').replace(/;(push|replace)$/, '');
  const redirect = target.startsWith('http') ? target.replace(/^https?:\/\/[^/]+/, '') : target;
  return { status: response.status, text, json, contentType: response.headers.get('content-type') ?? '', cacheControl: response.headers.get('cache-control') ?? '', redirect };
}

/** The author's image, uploaded as the desk does; rows read its id and a public copy's address. */
async function uploadImage(url: string, cookie: string): Promise<CallContext['media']> {
  const data = new FormData();
  data.append('file', new Blob([new Uint8Array(await tinyPng())], { type: 'image/png' }), 'matrix.png');
  const response = await fetch(`${url}/api/desk/media`, { method: 'POST', headers: { Cookie: cookie, Origin: url }, body: data });
  const json = (await response.json()) as { media?: { id: number; srcset: string; url: string } };
  if (!json.media) throw new Error(`The author could not upload an image (${response.status}).`);
  const publicPath = json.media.srcset.split(',')[0]!.trim().split(' ')[0]!;
  return { id: json.media.id, publicPath, originalPath: json.media.url };
}

function toArgument(argument: ActionArgument): unknown {
  if (argument && typeof argument === 'object' && 'form' in argument) {
    const data = new FormData();
    for (const [name, value] of Object.entries((argument as { form: Record<string, string> }).form)) data.append(name, value);
    return data;
  }
  return argument;
}

/** Metadata files that Next serves as GET routes, and the address each answers at. */
const METADATA_ROUTES: Record<string, string> = { sitemap: 'sitemap.xml', robots: 'robots.txt', manifest: 'manifest.webmanifest', 'opengraph-image': 'opengraph-image', 'twitter-image': 'twitter-image', icon: 'icon', 'apple-icon': 'apple-icon' };

/** `METHOD /pattern` for every exported handler of every route file under app/, and every metadata route written as code. */
function listRoutes(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const pattern = `/${path.relative(path.join(REPO_ROOT, 'app'), folder)}`.replace(/\/\([^/]+\)/g, '').replace(/\/$/, '');
      const [base, extension] = [entry.name.replace(/\.[^.]+$/, ''), path.extname(entry.name)];
      if (!['.ts', '.tsx', '.js', '.jsx'].includes(extension)) continue;
      if (base === 'route') {
        // next-auth's own sign-in endpoints: exercised by every sign-in the matrix makes.
        if (pattern.includes('[...nextauth]')) continue;
        const source = fs.readFileSync(full, 'utf8');
        for (const match of source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.push(`${match[1]} ${pattern || '/'}`);
      } else if (METADATA_ROUTES[base]) {
        found.push(`GET ${pattern}/${METADATA_ROUTES[base]}`);
      }
    }
  };
  walk(path.join(REPO_ROOT, 'app'));
  return found.sort();
}

/** Every server action the build knows, with a page that carries it. */
function listActions(): { key: string; id: string; page: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    // `'use cache'` functions are registered as server references too; they are caches of public reads, not actions.
    .filter(([, entry]) => entry.filename && entry.exportedName && !entry.exportedName.startsWith('$$RSC_SERVER_CACHE'))
    .map(([id, entry]) => {
      const key = `${entry.filename}#${entry.exportedName}`;
      const worker = Object.keys(entry.workers).find((name) => !name.includes('[')) ?? Object.keys(entry.workers)[0]!;
      const fromWorker = `/${worker.replace(/^app\//, '').replace(/\/?page$/, '')}`.replace(/\/\([^/]+\)/g, '').replace(/\/$/, '') || '/';
      return { key, id, page: worker.includes('[') ? (ACTIONS[key]?.page ?? fromWorker) : fromWorker };
    })
    .sort((left, right) => left.key.localeCompare(right.key));
}

function fingerprintOf(sqlite: Database.Database): string {
  const hash = createHash('sha1');
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'article_search%' order by name").all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !VOLATILE_TABLES.has(name));
  for (const table of tables) {
    hash.update(table);
    for (const row of sqlite.prepare(`select * from "${table}"`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** A reader's session through the magic link, read from the outbox as the reader would read their mail. */
async function readerCookie(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/reader-auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  await fetch(`${url}/api/reader-auth/signin/email`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${url}/account` }).toString(),
  });
  const sqlite = new Database(databasePath, { readonly: true });
  const message = sqlite.prepare('select text from outbox where to_address = ? order by id desc limit 1').get(email) as { text: string } | undefined;
  sqlite.close();
  const pageLink = message?.text.match(/https?:\/\/\S+\/account\/sign-in\?\S+/)?.[0];
  if (!pageLink) throw new Error('No sign-in link reached the reader.');
  // The link opens a page whose button sends its hidden fields to the callback, as the browser would.
  const page = await (await fetch(pageLink)).text();
  const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]?.replaceAll('&amp;', '&');
  const action = [...page.matchAll(/<form[^>]*>/g)].map(([tag]) => attribute(tag, 'action')).find((target) => target?.includes('/callback/'));
  const fields = [...page.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map(([tag]) => [attribute(tag, 'name') ?? '', attribute(tag, 'value') ?? '']);
  if (!action || fields.length === 0) throw new Error(`The sign-in page offered no button to sign in with: ${page.slice(page.indexOf('<main'), page.indexOf('</main>'))}`);
  const callback = await fetch(`${url}${action}?${new URLSearchParams(fields).toString()}`, { redirect: 'manual', headers: { Cookie: csrfCookie } });
  const cookie = callback.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').find((pair) => pair.includes('session-token='));
  if (!cookie) throw new Error(`The reader's sign-in link did not start a session (${callback.status}).`);
  return cookie;
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { ACTIONS, ROUTES, type Access, type ActionArgument, type Ids } from './support/authorization-table';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3260;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-authorization/masthead.db');
/** Tables that change on every request by design (attempt logs, presence heartbeats, rate-limit counters). */
const VOLATILE_TABLES = new Set(['login_attempts', 'rate_limit_hits', 'article_presence', '__drizzle_migrations', 'reader_sign_in_tokens', 'sqlite_sequence']);

type Identity = 'anonymous' | 'reader' | 'author' | 'other author' | 'editor' | 'admin';

let app: AppProcess | undefined;
afterAll(async () => app?.stop());

it('lets exactly the right people call every route handler and server action; a refusal changes nothing', async () => {
  seedDemo(databasePath);
  const ids = prepareFixtures();
  // The worker's own writes (digests, mail) would be taken for effects of the calls under test.
  app = await startApp({ port: PORT, databasePath, env: { MASTHEAD_WORKER: 'off' } });
  const url = app.url;
  const cookies: Record<Identity, string> = {
    anonymous: '',
    reader: await readerCookie(url),
    author: (await signInStaff({ baseUrl: url, email: 'author@demo.masthead' })).cookie,
    'other author': (await signInStaff({ baseUrl: url, email: 'author@demo.masthead' })).cookie,
    editor: (await signInStaff({ baseUrl: url, email: 'editor@demo.masthead' })).cookie,
    admin: (await signInStaff({ baseUrl: url, email: 'admin@demo.masthead' })).cookie,
  };

  const routes = listRoutes();
  const actions = listActions();
  const missing = [...routes.filter((key) => !ROUTES[key]), ...actions.map((action) => action.key).filter((key) => !ACTIONS[key])];
  const stale = [...Object.keys(ROUTES).filter((key) => !routes.includes(key)), ...Object.keys(ACTIONS).filter((key) => !actions.some((action) => action.key === key))];

  const problems: string[] = [];
  let calls = 0;
  const sqlite = new Database(databasePath, { readonly: true });
  const fingerprint = () => fingerprintOf(sqlite);

  for (const key of routes.filter((route) => ROUTES[route])) {
    const route = ROUTES[key]!;
    const method = key.split(' ')[0]!;
    for (const identity of orderedIdentities(route.access)) {
      // "other author" reaches for the article the author owns; everyone else uses the author's own one too.
      const articleId = identity === 'other author' ? ids.otherArticleId : ids.ownArticleId;
      const isAllowed = allows(route.access, identity);
      const before = fingerprint();
      const body = route.body?.(ids, articleId);
      const response = await fetch(`${url}${route.path(ids, articleId)}`, {
        method,
        redirect: 'manual',
        headers: {
          ...(cookies[identity] ? { Cookie: cookies[identity] } : {}),
          Origin: url,
          ...(body === undefined ? {} : { 'Content-Type': typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' }),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      await response.arrayBuffer();
      calls += 1;
      const label = `${key} as ${identity}`;
      if (response.status >= 500) problems.push(`${label}: ${response.status}`);
      const isRefused = [401, 403, 404].includes(response.status) || (response.headers.get('location') ?? '').includes('/login');
      if (isAllowed && (response.status === 401 || response.status === 403)) problems.push(`${label}: refused (${response.status}) but should be allowed`);
      if (!isAllowed && route.access !== 'token' && route.access !== 'public' && !isRefused) problems.push(`${label}: answered ${response.status} but should be refused`);
      if (!isAllowed && fingerprint() !== before) problems.push(`${label}: refused, yet the database changed`);
    }
  }

  const { encodeReply } = (await import('next/dist/compiled/react-server-dom-webpack/client.edge' as string)) as { encodeReply: (value: unknown) => Promise<string | FormData> };
  // Signing out ends the caller's sessions everywhere, so those two go last.
  const isSignOut = (key: string) => key.endsWith('#signOutAction');
  const ordered = [...actions.filter((action) => !isSignOut(action.key)), ...actions.filter((action) => isSignOut(action.key))];
  for (const action of ordered.filter((candidate) => ACTIONS[candidate.key])) {
    const entry = ACTIONS[action.key]!;
    for (const identity of orderedIdentities(entry.access)) {
      const isAllowed = allows(entry.access, identity);
      const args = (identity === 'other author' ? entry.args({ ...ids, ownArticleId: ids.otherArticleId }) : entry.args(ids)).map(toArgument);
      const body = await encodeReply(args);
      const before = fingerprint();
      const response = await fetch(`${url}${action.page}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Next-Action': action.id,
          Accept: 'text/x-component',
          Origin: url,
          ...(cookies[identity] ? { Cookie: cookies[identity] } : {}),
          ...(typeof body === 'string' ? { 'Content-Type': 'text/plain;charset=UTF-8' } : {}),
        },
        body,
      });
      const text = await response.text();
      calls += 1;
      const label = `${action.key} as ${identity}`;
      if (response.status >= 500 || /digest/.test(text.slice(0, 400)) && response.status !== 200) problems.push(`${label}: ${response.status}`);
      const redirectedTo = response.headers.get('x-action-redirect') ?? response.headers.get('location') ?? '';
      if (isAllowed && entry.access !== 'public' && redirectedTo.startsWith('/login')) problems.push(`${label}: sent to sign in but should be allowed`);
      if (!isAllowed && fingerprint() !== before) problems.push(`${label}: refused, yet the database changed`);
    }
  }
  sqlite.close();

  recordTrustResult({
    check: 'Authorization matrix: every route and server action × caller',
    tried: calls,
    failures: problems.length + missing.length,
    figures: `${routes.length} route handlers and ${actions.length} server actions, each called as anonymous, reader, author (own and another's article), editor and admin; ${missing.length} without an entry`,
  });
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  expect(problems).toEqual([]);
});

function allows(access: Access, identity: Identity): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'token':
      return false;
    case 'reader':
      return identity === 'reader';
    case 'staff':
      return ['author', 'other author', 'editor', 'admin'].includes(identity);
    case 'own':
      return ['author', 'editor', 'admin'].includes(identity);
    case 'editor':
      return identity === 'editor' || identity === 'admin';
    case 'admin':
      return identity === 'admin';
  }
}

/** Refused callers first, so an allowed call cannot change what a later refusal is compared with. */
function orderedIdentities(access: Access): Identity[] {
  const everyone: Identity[] = ['anonymous', 'reader', 'other author', 'author', 'editor', 'admin'];
  return [...everyone.filter((identity) => !allows(access, identity)), ...everyone.filter((identity) => allows(access, identity))];
}

function toArgument(argument: ActionArgument): unknown {
  if (argument && typeof argument === 'object' && 'form' in argument) {
    const data = new FormData();
    for (const [name, value] of Object.entries((argument as { form: Record<string, string> }).form)) data.append(name, value);
    return data;
  }
  return argument;
}

/** `METHOD /pattern` for every exported handler of every route file under app/. */
function listRoutes(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const pattern = `/${path.relative(path.join(REPO_ROOT, 'app'), folder)}`.replace(/\/\([^/]+\)/g, '') || '/';
        if (pattern.includes('[...nextauth]')) continue;
        const source = fs.readFileSync(full, 'utf8');
        for (const match of source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${match[1]} ${pattern}`);
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

/** Two draft articles (the author's own and an editor's), a note, a spare entity, a throwaway user and guest. */
function prepareFixtures(): Ids {
  const sqlite = new Database(databasePath);
  const userId = (email: string) => (sqlite.prepare('select id from users where email = ?').get(email) as { id: number }).id;
  const contributorOf = (id: number) => (sqlite.prepare('select id from contributors where user_id = ?').get(id) as { id: number }).id;
  const author = userId('author@demo.masthead');
  const editor = userId('editor@demo.masthead');
  const draft = (title: string, owner: number) => {
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${title} body.` }] }] });
    const id = Number(sqlite.prepare("insert into articles (slug, title, body, body_text, status, created_by) values (?, ?, ?, ?, 'draft', ?)").run(title.toLowerCase().replace(/\W+/g, '-'), title, body, `${title} body.`, owner).lastInsertRowid);
    sqlite.prepare('insert into article_authors (article_id, contributor_id, position) values (?, ?, 0)').run(id, contributorOf(owner));
    sqlite.prepare("insert into revisions (article_id, version, slug, title, body, reason, author_id) values (?, 1, ?, ?, ?, 'save', ?)").run(id, title.toLowerCase().replace(/\W+/g, '-'), title, body, owner);
    return id;
  };
  const ownArticleId = draft('Matrix own draft', author);
  const otherArticleId = draft('Matrix editor draft', editor);
  const revisionId = (sqlite.prepare('select id from revisions where article_id = ?').get(ownArticleId) as { id: number }).id;
  const noteId = Number(sqlite.prepare('insert into article_notes (article_id, author_id, body) values (?, ?, ?)').run(ownArticleId, author, 'Matrix note').lastInsertRowid);
  const entityId = Number(sqlite.prepare("insert into entities (kind, name, slug, facts) values ('topic', 'Matrix spare', 'matrix-spare', '{}')").run().lastInsertRowid);
  sqlite.prepare("insert into entities (kind, name, slug, facts) values ('topic', 'Matrix spare two', 'matrix-spare-two', '{}')").run();
  const issueId = (sqlite.prepare("select id from issues where status != 'published' order by id limit 1").get() as { id: number }).id;
  const sectionId = (sqlite.prepare('select id from sections order by position limit 1').get() as { id: number }).id;
  const spareUser = Number(sqlite.prepare("insert into users (email, name, password_hash, role) values ('spare@demo.masthead', 'Spare Author', 'x', 'author')").run().lastInsertRowid);
  const contributorId = Number(sqlite.prepare("insert into contributors (name, slug) values ('Matrix Guest Writer', 'matrix-guest-writer')").run().lastInsertRowid);
  sqlite.prepare("insert into subscribers (email, status, confirmed_at) values ('reader@example.org', 'confirmed', ?)").run(Date.now());
  sqlite.close();
  return { ownArticleId, otherArticleId, entityId, issueId, sectionId, userId: spareUser, contributorId, noteId, revisionId };
}

/** A reader's session through the magic link, read from the outbox as the reader would read their mail. */
async function readerCookie(url: string): Promise<string> {
  const csrf = await fetch(`${url}/api/reader-auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  await fetch(`${url}/api/reader-auth/signin/email`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ email: 'reader@example.org', csrfToken, callbackUrl: `${url}/account` }).toString(),
  });
  const sqlite = new Database(databasePath, { readonly: true });
  const message = sqlite.prepare("select text from outbox where to_address = 'reader@example.org' order by id desc limit 1").get() as { text: string } | undefined;
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

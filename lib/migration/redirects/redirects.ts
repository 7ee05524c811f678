import 'server-only';
import { count, desc, eq, like, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { issues, redirects, type Redirect, type RedirectOrigin } from '@/db/schema';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { getConfig } from '@/lib/platform/config/get-config';
import { normalizeRedirectPath } from './normalize-redirect-path';

export type { Redirect, RedirectOrigin };

export const REDIRECTS_PAGE_SIZE = 25;

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export type RedirectResult = { ok: true; id: number; fromPath: string; toPath: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * The redirect for a request's path and query, or null. A published article or issue at that very
 * address is served instead: a live page must never be hidden by an old imported redirect. A hit is
 * counted with one read and, only on a hit, one short write.
 */
export function findRedirect(pathWithQuery: string, { now = new Date(), countHit = true }: { now?: Date; countHit?: boolean } = {}): { toPath: string } | null {
  const fromPath = normalizeRedirectPath(pathWithQuery);
  if (!fromPath || fromPath === '/') return null;
  const found = redirectFrom().get({ fromPath });
  if (!found || isLiveReaderPage(fromPath)) return null;
  if (!countHit) return { toPath: found.toPath };
  getDb()
    .update(redirects)
    .set({ hits: sql`${redirects.hits} + 1`, lastHitAt: now })
    .where(eq(redirects.id, found.id))
    .run();
  return { toPath: found.toPath };
}

// Asked for almost every reader request, and almost always answered with nothing.
const redirectFrom = () =>
  preparedQuery('redirect-from', (db) =>
    db
      .select({ id: redirects.id, toPath: redirects.toPath })
      .from(redirects)
      .where(eq(redirects.fromPath, sql.placeholder('fromPath')))
      .prepare(),
  );

function isLiveReaderPage(fromPath: string): boolean {
  const match = /^\/(articles|issues)\/([^/?]+)$/.exec(fromPath);
  if (!match) return false;
  const slug = decodeURIComponent(match[2]!);
  if (match[1] === 'articles') return articleSlugStatus(slug) === 'published';
  return getDb().select({ id: issues.id }).from(issues).where(sql`${issues.slug} = ${slug} and ${issues.status} = 'published'`).get() !== undefined;
}

export function listRedirects({ query = '', page = 1 }: { query?: string; page?: number } = {}): { rows: Redirect[]; total: number; page: number; pageCount: number } {
  const db = getDb();
  const needle = query.trim().toLowerCase();
  const where = needle ? or(like(redirects.fromPath, `%${escapeLike(needle)}%`), like(sql`lower(${redirects.toPath})`, `%${escapeLike(needle)}%`)) : undefined;
  const total = db.select({ value: count() }).from(redirects).where(where).get()!.value;
  const pageCount = Math.max(1, Math.ceil(total / REDIRECTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = db
    .select()
    .from(redirects)
    .where(where)
    .orderBy(desc(redirects.createdAt), desc(redirects.id))
    .limit(REDIRECTS_PAGE_SIZE)
    .offset((current - 1) * REDIRECTS_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pageCount };
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (char) => `\\${char}`);
}

export function addRedirect({ from, to, origin = 'manual', actorId = null }: { from: string; to: string; origin?: RedirectOrigin; actorId?: number | null }): RedirectResult {
  return getDb().transaction((tx) => addRedirectIn(tx, { from, to, origin, actorId }), { behavior: 'immediate' });
}

/** Checks and adds one redirect inside the caller's transaction (the CSV import adds many in one). */
export function addRedirectIn(tx: Tx, { from, to, origin, actorId }: { from: string; to: string; origin: RedirectOrigin; actorId: number | null }): RedirectResult {
  const checked = checkRedirect(tx, { from, to });
  if (!checked.ok) return checked;
  const row = tx.insert(redirects).values({ fromPath: checked.fromPath, toPath: checked.toPath, origin, createdBy: actorId }).returning({ id: redirects.id }).get();
  return { ...checked, id: row.id };
}

type Checked = { ok: true; fromPath: string; toPath: string } | { ok: false; error: string; fieldErrors?: Record<string, string>; isDuplicate?: boolean };

export function checkRedirect(tx: Tx, { from, to }: { from: string; to: string }): Checked {
  const { siteUrl } = getConfig();
  const host = new URL(siteUrl).host;
  const fromPath = normalizeRedirectPath(from, siteUrl);
  if (!fromPath) {
    const error = `Give the old address as a path on this site, such as /2019/05/old-title, or as a full address on ${host}.`;
    return { ok: false, error, fieldErrors: { from: error } };
  }
  if (fromPath === '/') {
    const error = 'The home page itself cannot be redirected; give the old address of one page.';
    return { ok: false, error, fieldErrors: { from: error } };
  }
  const toPath = targetOf(to, siteUrl);
  if (!toPath) {
    const error = 'Give the new address as a path on this site (/articles/…) or a full http(s) address.';
    return { ok: false, error, fieldErrors: { to: error } };
  }
  if (normalizeRedirectPath(toPath) === fromPath) {
    const error = `A redirect from ${fromPath} to itself would send readers round in a circle; give a different new address.`;
    return { ok: false, error, fieldErrors: { to: error } };
  }
  const existing = tx.select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).get();
  if (existing) {
    return { ok: false, error: `There is already a redirect from ${fromPath} (to ${existing.toPath}). Remove it first to send it somewhere else.`, isDuplicate: true };
  }
  const chain = chainFrom(tx, toPath);
  if (chain.at(-1) === fromPath) {
    const start = chain[0]!;
    const through = chain.slice(1, -1);
    const route = through.length > 0 ? ` through ${through.join(', ')}` : '';
    return { ok: false, error: `This would make a loop: ${start} already leads to ${fromPath}${route}. Point ${fromPath} somewhere else, or remove one of those redirects first.`, fieldErrors: { to: 'This leads back here.' } };
  }
  return { ok: true, fromPath, toPath };
}

/** The redirect addresses a reader sent to `toPath` would pass through, in order (at most 20). */
function chainFrom(tx: Tx, toPath: string): string[] {
  const chain: string[] = [];
  let next = normalizeRedirectPath(toPath);
  while (next && chain.length < 20 && !chain.includes(next)) {
    chain.push(next);
    const row = tx.select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, next)).get();
    if (!row) break;
    next = normalizeRedirectPath(row.toPath);
  }
  return chain;
}

/** A path on this site as written (a full address on this site becomes its path), or another site's http(s) address. */
function targetOf(to: string, siteUrl: string): string | null {
  const target = to.trim();
  if (/\s/.test(target) || target.length > 2000) return null;
  if (target.startsWith('/') && !target.startsWith('//')) return target;
  try {
    const url = new URL(target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.host === new URL(siteUrl).host) return `${url.pathname}${url.search}${url.hash}`;
    return url.href;
  } catch {
    return null;
  }
}

export function removeRedirect(id: number): { ok: true; fromPath: string } | { ok: false; error: string } {
  const row = getDb().delete(redirects).where(eq(redirects.id, id)).returning({ fromPath: redirects.fromPath }).get();
  if (!row) return { ok: false, error: 'That redirect was already removed; reload to see the list as it stands.' };
  return { ok: true, fromPath: row.fromPath };
}

export function getRedirect(id: number): Redirect | undefined {
  return getDb().select().from(redirects).where(eq(redirects.id, id)).get();
}

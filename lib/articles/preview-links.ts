import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles, previewLinks, users } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getConfig } from '@/lib/platform/config/get-config';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { loadArticleFor } from './article-access';
import type { ArticlePreview } from './article-preview';
import { workingCopyView } from './working-copy-view';

export const DEFAULT_PREVIEW_HOURS = 72;
export const MAX_PREVIEW_HOURS = 720;
export const MAX_PREVIEW_LABEL_LENGTH = 120;

/** What the desk sends to make a link; also what `createPreviewLink` checks again. */
export const previewLinkInputSchema = z.object({
  expiresInHours: z
    .number({ error: 'Give the number of hours the link should work.' })
    .int('Give a whole number of hours.')
    .min(1, 'A link must work for at least 1 hour.')
    .max(MAX_PREVIEW_HOURS, `A link can work for at most ${MAX_PREVIEW_HOURS} hours (30 days).`)
    .default(DEFAULT_PREVIEW_HOURS),
  label: z
    .string({ error: 'Type the label as text.' })
    .trim()
    .max(MAX_PREVIEW_LABEL_LENGTH, `Keep the label under ${MAX_PREVIEW_LABEL_LENGTH} characters.`)
    .default(''),
});

export type PreviewLinkInput = z.input<typeof previewLinkInputSchema>;

export type CreatedPreviewLink = { ok: true; id: number; url: string; expiresAt: Date };

export type PreviewLinkRefusal = { ok: false; error: string; fieldErrors?: Record<string, string> };

/** A link as the desk lists it: never its token, which only its creator saw, once. */
export type PreviewLinkSummary = {
  id: number;
  label: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  isActive: boolean;
};

/** The working copy shown to whoever holds a valid link, with what the page needs to say about it. */
export type ResolvedPreview = ArticlePreview & { embargoedUntil: Date | null; expiresAt: Date };

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Makes a secret, expiring link to an article that is not published (typically an embargoed one),
 * for editors and admins. The token is returned once, in `url`; only its SHA-256 is stored.
 */
export function createPreviewLink({
  articleId,
  actor,
  expiresInHours,
  label,
}: {
  articleId: number;
  actor: StaffIdentity;
} & PreviewLinkInput): CreatedPreviewLink | PreviewLinkRefusal {
  const article = loadArticleFor({ id: articleId, actor, action: 'article.publish' });
  const parsed = previewLinkInputSchema.safeParse({ expiresInHours, label });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the link’s details.', fieldErrors };
  }
  if (article.status === 'published') {
    return { ok: false, error: 'This article is already published; share its public address instead of a preview link.' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + parsed.data.expiresInHours * 3_600_000);
  const id = getDb().transaction((tx) => {
    const link = tx
      .insert(previewLinks)
      .values({ articleId: article.id, tokenHash: hashPreviewToken(token), label: parsed.data.label, expiresAt, createdBy: actor.id })
      .returning({ id: previewLinks.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'article.preview_link.create',
      subjectType: 'article',
      subjectId: article.id,
      note: parsed.data.label ? `Preview link “${parsed.data.label}”` : 'Preview link',
      data: { previewLinkId: link.id, label: parsed.data.label, expiresAt: expiresAt.toISOString() },
    });
    return link.id;
  });
  return { ok: true, id, url: `${getConfig().siteUrl}/preview/${token}`, expiresAt };
}

/** Every preview link of an article, newest first, for those who may make them. */
export function listPreviewLinks({ articleId, actor }: { articleId: number; actor: StaffIdentity }): PreviewLinkSummary[] {
  const article = loadArticleFor({ id: articleId, actor, action: 'article.publish' });
  const now = Date.now();
  return getDb()
    .select({
      id: previewLinks.id,
      label: previewLinks.label,
      createdAt: previewLinks.createdAt,
      createdBy: users.name,
      expiresAt: previewLinks.expiresAt,
      revokedAt: previewLinks.revokedAt,
    })
    .from(previewLinks)
    .leftJoin(users, eq(users.id, previewLinks.createdBy))
    .where(eq(previewLinks.articleId, article.id))
    .orderBy(desc(previewLinks.createdAt), desc(previewLinks.id))
    .all()
    .map((link) => ({ ...link, isActive: link.revokedAt === null && link.expiresAt.getTime() > now }));
}

/** Stops a link from working at once. Revoking one already revoked changes nothing and records nothing. */
export function revokePreviewLink({ id, actor }: { id: number; actor: StaffIdentity }): { ok: true; revokedAt: Date } {
  const link = Number.isSafeInteger(id) && id > 0 ? getDb().select().from(previewLinks).where(eq(previewLinks.id, id)).get() : undefined;
  if (!link) throw new NotFoundError('That preview link does not exist.');
  loadArticleFor({ id: link.articleId, actor, action: 'article.publish' });
  if (link.revokedAt) return { ok: true, revokedAt: link.revokedAt };
  const revokedAt = new Date();
  getDb().transaction((tx) => {
    tx.update(previewLinks).set({ revokedAt }).where(eq(previewLinks.id, link.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'article.preview_link.revoke',
      subjectType: 'article',
      subjectId: link.articleId,
      note: link.label ? `Revoked preview link “${link.label}”` : 'Revoked a preview link',
      data: { previewLinkId: link.id },
    });
  });
  return { ok: true, revokedAt };
}

/**
 * The article a preview token opens: its current working copy. `null` when the token is unknown,
 * expired or revoked, or the article has since been published (its public page is the place then).
 */
export function resolvePreviewToken(token: string): ResolvedPreview | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = getDb()
    .select({ link: previewLinks, article: articles })
    .from(previewLinks)
    .innerJoin(articles, eq(articles.id, previewLinks.articleId))
    .where(eq(previewLinks.tokenHash, hashPreviewToken(token)))
    .get();
  if (!row || row.link.revokedAt || row.link.expiresAt.getTime() <= Date.now()) return null;
  if (row.article.status === 'published') return null;
  return { ...workingCopyView(row.article), embargoedUntil: row.article.embargoedUntil, expiresAt: row.link.expiresAt };
}

function hashPreviewToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

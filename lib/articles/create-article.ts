import 'server-only';
import { eq, like, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, articleSlugHistory, contributors, revisions } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { slugify } from '@/lib/content/text/slugify';

export type CreateArticleResult = { ok: true; id: number } | { ok: false; error: string };

const EMPTY_DOC = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Starts a draft with the creator in the byline, and its first revision. */
export function createArticle({ actor, title }: { actor: StaffIdentity; title: string }): CreateArticleResult {
  assertCan({ role: actor.role, action: 'article.create' });
  const cleanTitle = title.trim();
  if (cleanTitle === '') return { ok: false, error: 'Give the article a working title.' };
  if (cleanTitle.length > 300) return { ok: false, error: 'Keep the title under 300 characters.' };
  const db = getDb();
  return db.transaction((tx) => {
    const slug = freeSlug(tx, slugify(cleanTitle) || 'untitled');
    const article = tx
      .insert(articles)
      .values({ slug, title: cleanTitle, body: EMPTY_DOC, status: 'draft', version: 1, createdBy: actor.id })
      .returning({ id: articles.id })
      .get();
    const contributor = tx.select({ id: contributors.id }).from(contributors).where(eq(contributors.userId, actor.id)).get();
    if (contributor) tx.insert(articleAuthors).values({ articleId: article.id, contributorId: contributor.id, position: 0 }).run();
    tx.insert(revisions)
      .values({
        articleId: article.id,
        version: 1,
        slug,
        title: cleanTitle,
        body: EMPTY_DOC,
        reason: 'save',
        note: 'Created',
        authorId: actor.id,
        meta: { sectionId: null, issueId: null, authorContributorIds: contributor ? [contributor.id] : [] },
        updatedAt: Date.now(),
      })
      .run();
    recordAudit(tx, { actorId: actor.id, action: 'article.create', subjectType: 'article', subjectId: article.id });
    return { ok: true, id: article.id };
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function freeSlug(tx: Tx, base: string): string {
  const used = new Set(
    [
      ...tx.select({ slug: articles.slug }).from(articles).where(or(eq(articles.slug, base), like(articles.slug, `${base}-%`))).all(),
      ...tx.select({ slug: articleSlugHistory.slug }).from(articleSlugHistory).where(or(eq(articleSlugHistory.slug, base), like(articleSlugHistory.slug, `${base}-%`))).all(),
    ].map((row) => row.slug),
  );
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!used.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

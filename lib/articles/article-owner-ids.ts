import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleAuthors, contributors, type Article } from '@/db/schema';

/** The staff accounts an article belongs to: whoever started it and everyone in its byline who signs in. */
export function articleOwnerIds(db: Pick<Db, 'select'>, article: Pick<Article, 'id' | 'createdBy'>): number[] {
  const bylineUsers = db
    .select({ userId: contributors.userId })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(eq(articleAuthors.articleId, article.id))
    .all()
    .flatMap((row) => (row.userId === null ? [] : [row.userId]));
  return [...new Set([...(article.createdBy === null ? [] : [article.createdBy]), ...bylineUsers])];
}

/** The byline's contributor ids, in order. */
export function bylineContributorIds(db: Pick<Db, 'select'>, articleId: number): number[] {
  return db
    .select({ id: articleAuthors.contributorId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(asc(articleAuthors.position))
    .all()
    .map((row) => row.id);
}

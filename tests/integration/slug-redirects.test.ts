import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, articleSlugHistory, revisions } from '@/db/schema';
import { findCurrentArticleSlug } from '@/lib/articles/find-current-article-slug';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('old article slugs', () => {
  it('lead to the slug the article is published under', () => {
    const article = createTestArticle({ title: 'Renamed' });
    const db = getDb();
    db.update(revisions).set({ slug: 'the-new-slug' }).where(eq(revisions.articleId, article.id)).run();
    db.insert(articleSlugHistory).values({ slug: 'the-old-slug', articleId: article.id }).run();
    expect(findCurrentArticleSlug('the-old-slug')).toBe('the-new-slug');
    expect(findCurrentArticleSlug(article.slug)).toBe('the-new-slug');
  });

  it('lead nowhere for an article that is not published, or a slug nobody used', () => {
    const draft = createTestArticle({ status: 'draft' });
    getDb().insert(articleSlugHistory).values({ slug: 'draft-old', articleId: draft.id }).run();
    expect(findCurrentArticleSlug('draft-old')).toBeNull();
    expect(findCurrentArticleSlug('never-used')).toBeNull();
    const withdrawn = createTestArticle();
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, withdrawn.id)).run();
    expect(findCurrentArticleSlug(withdrawn.slug)).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, articleSlugHistory } from '@/db/schema';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { proxy } from '@/proxy';
import { createTestArticle } from '../factories/article';
import { unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function request(path: string, method = 'GET'): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, { method });
}

describe('the status of an article address', () => {
  it('is gone for a withdrawn article, by its current slug and by an old one', async () => {
    const article = createTestArticle({ title: 'Withdrawn report' });
    getDb().insert(articleSlugHistory).values({ slug: 'first-draft-slug', articleId: article.id }).run();
    unpublishTestArticle({ articleId: article.id });
    expect(articleSlugStatus(article.slug)).toBe('gone');
    expect(articleSlugStatus('first-draft-slug')).toBe('gone');
  });

  it('stays gone when a withdrawn article goes back to the desk for rework', async () => {
    const article = createTestArticle();
    unpublishTestArticle({ articleId: article.id });
    getDb().update(articles).set({ status: 'draft' }).where(eq(articles.id, article.id)).run();
    expect(articleSlugStatus(article.slug)).toBe('gone');
  });

  it('is published for a published article and unknown for drafts, scheduled articles and made-up slugs', async () => {
    const published = createTestArticle();
    const draft = createTestArticle({ status: 'draft' });
    const scheduled = createTestArticle({ status: 'scheduled' });
    expect(articleSlugStatus(published.slug)).toBe('published');
    expect(articleSlugStatus(draft.slug)).toBe('unknown');
    expect(articleSlugStatus(scheduled.slug)).toBe('unknown');
    expect(articleSlugStatus('no-such-article')).toBe('unknown');
  });
});

describe('the proxy in front of /articles/<slug>', () => {
  it('answers 410 with a readable page for a withdrawn article', async () => {
    const article = createTestArticle();
    unpublishTestArticle({ articleId: article.id });
    const response = await proxy(request(`/articles/${article.slug}`));
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('This article has been withdrawn');
  });

  it('answers a HEAD request for a withdrawn article with 410 and no body', async () => {
    const article = createTestArticle();
    unpublishTestArticle({ articleId: article.id });
    const response = await proxy(request(`/articles/${article.slug}`, 'HEAD'));
    expect(response.status).toBe(410);
    expect(await response.text()).toBe('');
  });

  it('lets published articles and unknown slugs through to the page', async () => {
    const published = createTestArticle();
    for (const path of [`/articles/${published.slug}`, '/articles/no-such-article']) {
      const response = await proxy(request(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it('answers 400 for an address with a broken %-escape, anywhere, instead of failing to decode it', async () => {
    for (const path of ['/articles/%E0%A4%A', '/treaties/%ED%A0%80', '/api/media/1/%ZZ']) {
      const response = await proxy(request(path));
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain('broken %-escape');
    }
  });
});

import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleView } from '@/components/site/article-view';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { listCorrections } from '@/lib/articles/list-corrections';
import { newsArticleJsonLd } from '@/lib/entities/entity-json-ld';
import { createTestArticle } from '../factories/article';
import { republishTestArticle, unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const PUBLISHED = new Date('2026-04-20T09:00:00Z');

function retitle(articleId: number, title: string): void {
  getDb().update(articles).set({ title }).where(eq(articles.id, articleId)).run();
}

describe('corrections on an article', () => {
  it('shows each note dated, says when the article was updated, and describes both in JSON-LD', () => {
    const article = createTestArticle({ title: 'Vote on the test ban', publishedAt: PUBLISHED });
    republishTestArticle({
      articleId: article.id,
      at: new Date('2026-05-03T10:00:00Z'),
      correction: { note: 'An earlier version gave the wrong date for the vote.' },
    });
    republishTestArticle({ articleId: article.id, at: new Date('2026-05-04T10:00:00Z'), correction: { kind: 'clarification', note: 'The vote was advisory.' } });

    const shown = getPublishedArticle(article.slug)!;
    expect(shown.publishedAt).toEqual(PUBLISHED);
    expect(shown.modifiedAt).toEqual(new Date('2026-05-04T10:00:00Z'));
    expect(shown.corrections.map(({ kind, note }) => [kind, note])).toEqual([
      ['correction', 'An earlier version gave the wrong date for the vote.'],
      ['clarification', 'The vote was advisory.'],
    ]);

    const html = renderToStaticMarkup(ArticleView(shown));
    expect(html).toContain('Correction, <time dateTime="2026-05-03T10:00:00.000Z">3 May 2026</time>:');
    expect(html).toContain('An earlier version gave the wrong date for the vote.');
    expect(html).toContain('Clarification, <time dateTime="2026-05-04T10:00:00.000Z">4 May 2026</time>:');
    expect(html).toContain('Updated <time dateTime="2026-05-04T10:00:00.000Z">4 May 2026</time>');

    const jsonLd = newsArticleJsonLd({ article: shown, siteUrl: 'https://magazine.example', siteName: 'Masthead' });
    expect(jsonLd.datePublished).toBe('2026-04-20T09:00:00.000Z');
    expect(jsonLd.dateModified).toBe('2026-05-04T10:00:00.000Z');
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version gave the wrong date for the vote.', datePublished: '2026-05-03T10:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'The vote was advisory.', datePublished: '2026-05-04T10:00:00.000Z' },
    ]);
  });

  it('says nothing about updates or corrections on an article never changed since publication', () => {
    const article = createTestArticle({ publishedAt: PUBLISHED });
    const shown = getPublishedArticle(article.slug)!;
    expect(shown.corrections).toEqual([]);
    expect(shown.modifiedAt).toEqual(PUBLISHED);
    const html = renderToStaticMarkup(ArticleView(shown));
    expect(html).not.toContain('Updated');
    expect(html).not.toContain('Corrections and updates');
    expect(newsArticleJsonLd({ article: shown, siteUrl: 'https://magazine.example', siteName: 'Masthead' })).not.toHaveProperty('correction');
  });
});

describe('the corrections page', () => {
  it('lists every public correction newest first, with the article’s published title and slug', () => {
    const first = createTestArticle({ title: 'Treaty signed', publishedAt: PUBLISHED });
    const second = createTestArticle({ title: 'Summit ends', publishedAt: PUBLISHED });
    republishTestArticle({ articleId: first.id, at: new Date('2026-05-01T08:00:00Z'), correction: { note: 'Older note.' } });
    republishTestArticle({ articleId: second.id, at: new Date('2026-05-02T08:00:00Z'), correction: { kind: 'update', note: 'Newer note.' } });
    // An unpublished retitling must not leak into the list.
    retitle(first.id, 'Working title nobody should see');

    const listed = listCorrections()!;
    expect(listed.total).toBe(2);
    expect(listed.corrections).toEqual([
      { id: expect.any(Number), kind: 'update', note: 'Newer note.', createdAt: new Date('2026-05-02T08:00:00Z'), article: { title: 'Summit ends', slug: second.slug } },
      { id: expect.any(Number), kind: 'correction', note: 'Older note.', createdAt: new Date('2026-05-01T08:00:00Z'), article: { title: 'Treaty signed', slug: first.slug } },
    ]);
  });

  it('leaves out corrections of articles that are no longer published', () => {
    const kept = createTestArticle({ publishedAt: PUBLISHED });
    const withdrawn = createTestArticle({ publishedAt: PUBLISHED });
    republishTestArticle({ articleId: kept.id, correction: { note: 'Still public.' } });
    republishTestArticle({ articleId: withdrawn.id, correction: { note: 'Withdrawn with its article.' } });
    unpublishTestArticle({ articleId: withdrawn.id });
    expect(listCorrections()!.corrections.map((correction) => correction.note)).toEqual(['Still public.']);
  });

  it('pages through corrections, with an empty first page and no page past the last or before the first', () => {
    expect(listCorrections()).toEqual({ corrections: [], page: 1, pageCount: 1, total: 0 });
    const article = createTestArticle({ publishedAt: PUBLISHED });
    for (let day = 1; day <= 3; day += 1) {
      republishTestArticle({ articleId: article.id, at: new Date(Date.UTC(2026, 4, day)), correction: { note: `Note ${day}.` } });
    }
    expect(listCorrections({ page: 1, perPage: 2 })!.corrections.map((correction) => correction.note)).toEqual(['Note 3.', 'Note 2.']);
    expect(listCorrections({ page: 2, perPage: 2 })).toMatchObject({ page: 2, pageCount: 2, total: 3, corrections: [{ note: 'Note 1.' }] });
    expect(listCorrections({ page: 3, perPage: 2 })).toBeNull();
    expect(listCorrections({ page: 0 })).toBeNull();
  });
});

// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { latestTagRevision } from '@/lib/platform/cache/tag-revisions';
import { edgeKeyHeaders, edgeKeysFor } from '@/lib/platform/edge/edge-keys';
import { readerPathFacts } from '@/lib/site/reader-path-facts';
import { createTestArticle } from '../factories/article';
import { unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';
import { withinServerAction } from '../support/within-server-action';

withTempDatabase();

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const gatedBody: JSONContent = { type: 'doc', content: [paragraph('For everyone.'), { type: 'membersStart' }, paragraph('For members.')] };

const facts = (pathname: string) => readerPathFacts({ pathname, revision: latestTagRevision() });

/** A database that cannot be opened: its folder would have to be made inside a file. */
const UNOPENABLE = '/dev/null/masthead.db';
const savedPath = process.env.DATABASE_PATH;
afterEach(() => {
  process.env.DATABASE_PATH = savedPath;
});

describe('what the proxy knows about a reader address', () => {
  it('agrees with the article’s record: open, gated or withdrawn, and the keys its page is purged by', () => {
    const open = createTestArticle({ title: 'Open report' });
    const gated = createTestArticle({ title: 'Members report', body: gatedBody, access: 'members' });
    const withdrawn = createTestArticle({ title: 'Withdrawn report' });
    unpublishTestArticle({ articleId: withdrawn.id });
    for (const article of [open, gated, withdrawn]) {
      const pathname = `/articles/${article.slug}`;
      expect(facts(pathname)).toEqual({
        isWithdrawn: articleSlugStatus(article.slug) === 'gone',
        isGated: isGatedArticleSlug({ slug: article.slug }),
        keyHeaders: edgeKeyHeaders(edgeKeysFor(pathname)),
        tags: expect.arrayContaining([`article:${article.id}`, `article-slug:${article.slug}`, 'site']),
      });
    }
    expect(facts(`/articles/${gated.slug}`).isGated).toBe(true);
    expect(facts(`/articles/${withdrawn.slug}`).isWithdrawn).toBe(true);
    expect(facts('/').keyHeaders.xkey?.split(' ')).toEqual(expect.arrayContaining(['home', 'site']));
  });

  it('answers again from memory while nothing the address shows changes, without reading the database', () => {
    const article = createTestArticle({ title: 'Remembered report' });
    const elsewhere = createTestArticle({ title: 'Report elsewhere' });
    const pathname = `/articles/${article.slug}`;
    const first = readerPathFacts({ pathname, revision: latestTagRevision() });
    // A change to another article does not touch what this address shows.
    withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [elsewhere.id] }));
    const revision = latestTagRevision();
    process.env.DATABASE_PATH = UNOPENABLE;
    expect(readerPathFacts({ pathname, revision })).toEqual(first);
  });

  it('reads an address again once a change to what it shows is expired, even with nothing else moving', () => {
    const article = createTestArticle({ title: 'Soon changed report' });
    const pathname = `/articles/${article.slug}`;
    readerPathFacts({ pathname, revision: latestTagRevision() });
    withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [article.id] }));
    const revision = latestTagRevision();
    process.env.DATABASE_PATH = UNOPENABLE;
    // Read afresh: the database cannot be opened, so it gives the safe answer.
    expect(readerPathFacts({ pathname, revision })).toMatchObject({ isGated: true });
  });

  it('follows a withdrawal made through the one cache-expiry point at once', () => {
    const article = createTestArticle({ title: 'Soon withdrawn' });
    const pathname = `/articles/${article.slug}`;
    expect(facts(pathname).isWithdrawn).toBe(false);
    unpublishTestArticle({ articleId: article.id });
    withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [article.id] }));
    expect(facts(pathname).isWithdrawn).toBe(true);
  });

  it('treats an article as gated when its access cannot be read, so nothing per reader is shared', () => {
    process.env.DATABASE_PATH = UNOPENABLE;
    const pathname = '/articles/never-read-before';
    expect(readerPathFacts({ pathname, revision: 1_000_000 })).toMatchObject({ isWithdrawn: false, isGated: true });
  });
});

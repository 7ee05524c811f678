// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { readPageGeneration } from '@/lib/platform/cache/page-generation';
import { edgeKeyHeaders, edgeKeysFor } from '@/lib/platform/edge/edge-keys';
import { readerPathFacts } from '@/lib/site/reader-path-facts';
import { createTestArticle } from '../factories/article';
import { unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';
import { withinServerAction } from '../support/within-server-action';

withTempDatabase();

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const gatedBody: JSONContent = { type: 'doc', content: [paragraph('For everyone.'), { type: 'membersStart' }, paragraph('For members.')] };

const facts = (pathname: string) => readerPathFacts({ pathname, generation: readPageGeneration() });

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
      });
    }
    expect(facts(`/articles/${gated.slug}`).isGated).toBe(true);
    expect(facts(`/articles/${withdrawn.slug}`).isWithdrawn).toBe(true);
    expect(facts('/').keyHeaders.xkey?.split(' ')).toEqual(expect.arrayContaining(['home', 'site']));
  });

  it('answers again from memory within one generation of the site, without reading the database', () => {
    const article = createTestArticle({ title: 'Remembered report' });
    const pathname = `/articles/${article.slug}`;
    const generation = readPageGeneration();
    const first = readerPathFacts({ pathname, generation });
    process.env.DATABASE_PATH = UNOPENABLE;
    expect(readerPathFacts({ pathname, generation })).toEqual(first);
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
    expect(readerPathFacts({ pathname, generation: 1_000_000 })).toMatchObject({ isWithdrawn: false, isGated: true });
  });
});

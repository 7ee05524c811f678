// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, entities, issues, media, revisions, sections } from '@/db/schema';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { requestRevalidation } from '@/lib/platform/cache/request-revalidation';
import { revalidationToken } from '@/lib/platform/cache/revalidation-token';
import { isExpiredSince, latestTagRevision } from '@/lib/platform/cache/tag-revisions';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';
import { withinServerAction } from '../support/within-server-action';

withTempDatabase();

/**
 * Expires a change as a server action would, and reports what Next was told and which tags a page kept
 * in memory from before now sees as expired (`retired`: the kept pages showing them go).
 */
function expire(change: Parameters<typeof expireReaderContent>[0]) {
  const revisionBefore = latestTagRevision();
  const { result, expiredTags } = withinServerAction(() => expireReaderContent(change));
  latestTagRevision();
  const retired = (tags: string[]) => tags.filter((tag) => isExpiredSince([tag], revisionBefore));
  return { result, expiredTags, retired };
}

describe('expiring reader content after a change', () => {
  it('retires kept pages and the article, its slug, lists and home page when an article changes', () => {
    const article = createTestArticle({ title: 'Inspections resume' });

    const other = createTestArticle({ title: 'Talks adjourn' });
    const { result, expiredTags, retired } = expire({ kind: 'article', articleIds: [article.id] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    // A page showing only another article stays kept.
    expect(retired([`article:${other.id}`, `article-slug:${other.slug}`])).toEqual([]);
    expect(expiredTags).toEqual(expect.arrayContaining([`article:${article.id}`, `article-slug:${article.slug}`, 'home', 'articles']));
    expect(result.tags.toSorted()).toEqual(expiredTags.toSorted());
  });

  it('expires the issue, the issue list and every article filed in it when an issue changes', () => {
    const issue = createTestIssue();
    const article = createTestArticle({ issueId: issue.id });

    const { expiredTags, retired } = expire({ kind: 'issue', issueIds: [issue.id] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toEqual(expect.arrayContaining([`issue:${issue.id}`, 'issues', 'home', `article:${article.id}`]));
  });

  it('expires a renamed entity and every article tagged with it, whose chips show its name', () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
    const tagged = createTestArticle({ entityIds: [treaty.id] });
    const untagged = createTestArticle();
    getDb().update(entities).set({ name: 'New START Treaty' }).where(eq(entities.id, treaty.id)).run();

    const { expiredTags, retired } = expire({ kind: 'entity', entityIds: [treaty.id] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toEqual(expect.arrayContaining([`entity:${treaty.id}`, `article:${tagged.id}`, `article-slug:${tagged.slug}`]));
    expect(expiredTags).not.toContain(`article:${untagged.id}`);
  });

  it('expires a renamed section and every article whose kicker names it, published or about to be', () => {
    const sectionId = createTestSection('Analysis');
    const otherSectionId = createTestSection('News');
    const published = createTestArticle({ sectionId });
    const moving = createTestArticle({ sectionId: otherSectionId });
    // Its working copy moves into the section; the next publication will show it there.
    getDb().update(articles).set({ sectionId }).where(eq(articles.id, moving.id)).run();
    getDb().update(sections).set({ name: 'Deep analysis' }).where(eq(sections.id, sectionId)).run();

    const { expiredTags, retired } = expire({ kind: 'section', sectionIds: [sectionId] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toEqual(expect.arrayContaining([`section:${sectionId}`, `article:${published.id}`, `article:${moving.id}`, 'home']));
  });

  it('expires a new section that no article uses yet, so its page stops answering 404', () => {
    const sectionId = createTestSection('Book Reviews');

    const { expiredTags, retired } = expire({ kind: 'section', sectionIds: [sectionId] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toContain(`section:${sectionId}`);
  });

  it('expires a contributor’s author page and the articles carrying their byline', () => {
    const contributor = getDb().insert(contributors).values({ name: 'Ada Guest', slug: 'ada-guest' }).returning().get();
    const article = createTestArticle({ authorContributorIds: [contributor.id] });

    const { expiredTags, retired } = expire({ kind: 'contributor', contributorIds: [contributor.id] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toEqual(expect.arrayContaining([`author:${contributor.id}`, `article:${article.id}`]));
  });

  it('expires every cached reader read when the site’s settings change', () => {
    const { result, expiredTags, retired } = expire({ kind: 'settings' });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(result.tags.toSorted()).toEqual(expiredTags.toSorted());
    expect(expiredTags).toEqual(expect.arrayContaining(['site', 'home', 'articles', 'issues']));
  });

  it('expires the articles and issues that show an image when its text changes, and not others', () => {
    const image = getDb()
      .insert(media)
      .values({ originalName: 'site.jpg', mimeType: 'image/jpeg', width: 1200, height: 800, bytes: 1000, storageKey: 'k', originalPath: 'k/original.jpg', variants: [] })
      .returning()
      .get();
    const featuring = createTestArticle({ title: 'With a picture' });
    const plain = createTestArticle({ title: 'Without a picture' });
    const revisionId = getDb().select({ id: articles.publishedRevisionId }).from(articles).where(eq(articles.id, featuring.id)).get()!.id!;
    getDb().update(revisions).set({ meta: { featuredMediaId: image.id } }).where(eq(revisions.id, revisionId)).run();
    const issue = createTestIssue();
    getDb().update(issues).set({ coverMediaId: image.id }).where(eq(issues.id, issue.id)).run();

    const { expiredTags, retired } = expire({ kind: 'media', mediaIds: [image.id] });

    expect(retired(expiredTags)).toEqual(expiredTags);
    expect(expiredTags).toEqual(expect.arrayContaining([`article:${featuring.id}`, `issue:${issue.id}`]));
    expect(expiredTags).not.toContain(`article:${plain.id}`);
  });

  it('also expires what was read before the change, for what the change took away', () => {
    const country = createTestEntity({ kind: 'country', name: 'Austria' });

    const { expiredTags } = withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [] }, { before: [`entity:${country.id}`] }));

    expect(expiredTags).toEqual([`entity:${country.id}`]);
  });

  it('changes nothing, and retires no kept page, when nothing is named', () => {
    const revisionBefore = latestTagRevision();
    const { expiredTags } = expire({ kind: 'entity', entityIds: [] });

    expect(expiredTags).toEqual([]);
    expect(latestTagRevision()).toBe(revisionBefore);
  });
});

describe('the worker asking the server to expire reader content', () => {
  it('sends the server the same tags the expiry point decides, with the bearer token', async () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'Outer Space Treaty' });
    const tagged = createTestArticle({ entityIds: [treaty.id] });
    const received: { authorization?: string; tags: string[] }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ authorization: request.headers.authorization, tags: (JSON.parse(body) as { tags: string[] }).tags });
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const change = { kind: 'entity', entityIds: [treaty.id] } as const;

      const isDelivered = await requestRevalidation(change, { origin: `http://127.0.0.1:${port}` });

      expect(isDelivered).toBe(true);
      expect(received).toHaveLength(1);
      expect(received[0]!.authorization).toBe(`Bearer ${revalidationToken()}`);
      expect(received[0]!.tags.toSorted()).toEqual(readerContentTags(change).toSorted());
      expect(received[0]!.tags).toEqual(expect.arrayContaining([`entity:${treaty.id}`, `article:${tagged.id}`]));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

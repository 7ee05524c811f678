import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleSlugHistory } from '@/db/schema';
import { changesPublicSite } from '@/lib/platform/cache/changes-public-site';
import { publicationTags } from '@/lib/platform/cache/publication-tags';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('the cache tags a publication expires', () => {
  it('name the article by id and by every slug, its issue, section and entities, the home page and the latest lists', () => {
    const issue = createTestIssue();
    const sectionId = createTestSection('Features');
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
    const article = createTestArticle({ title: 'Inspections resume', issueId: issue.id, sectionId, entityIds: [treaty.id] });
    getDb().insert(articleSlugHistory).values({ slug: 'an-older-slug', articleId: article.id }).run();

    const tags = publicationTags({ articleIds: [article.id] });

    expect(tags).toEqual(
      expect.arrayContaining([
        `article:${article.id}`,
        `article-slug:${article.slug}`,
        'article-slug:an-older-slug',
        `issue:${issue.id}`,
        `section:${sectionId}`,
        `entity:${treaty.id}`,
        'home',
        'articles',
      ]),
    );
  });

  it('still name the entities of an unpublished article when read before the unpublish, and not after', () => {
    const country = createTestEntity({ kind: 'country', name: 'Austria' });
    const article = createTestArticle({ entityIds: [country.id] });
    // The working copy drops the tag; only the published snapshot still has it.
    getDb().run(`delete from article_entities where article_id = ${article.id}`);

    const before = publicationTags({ articleIds: [article.id] });
    unpublishTestArticle({ articleId: article.id });
    const after = publicationTags({ articleIds: [article.id] });

    expect(before).toContain(`entity:${country.id}`);
    expect(after).not.toContain(`entity:${country.id}`);
    expect(after).toContain(`article:${article.id}`);
  });

  it('name an issue, the issue list and the home page for an issue publication, and nothing for nothing', () => {
    const issue = createTestIssue({ status: 'ready' });
    expect(publicationTags({ issueIds: [issue.id] })).toEqual(expect.arrayContaining([`issue:${issue.id}`, 'issues', 'home']));
    expect(publicationTags({})).toEqual([]);
  });
});

describe('which workflow moves change the public site', () => {
  it('is publish, update and unpublish only', () => {
    expect(['publish', 'update', 'unpublish'].map((action) => changesPublicSite({ action }))).toEqual([true, true, true]);
    expect(['submit', 'approve', 'schedule', 'unschedule'].map((action) => changesPublicSite({ action }))).toEqual([false, false, false, false]);
    expect(changesPublicSite(null)).toBe(false);
    expect(changesPublicSite('publish')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { moreFromIssue } from '@/lib/articles/more-from-issue';
import { relatedArticles } from '@/lib/articles/related-articles';
import { createTestArticle, createTestIssue } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('related articles', () => {
  it('come by the number of shared entities, then the newest, never the article itself or one without shared entities', () => {
    const [iran, oman, iaea] = ['Iran', 'Oman', 'IAEA'].map((name) => createTestEntity({ kind: 'country', name }));
    const article = createTestArticle({ title: 'Talks in Muscat', entityIds: [iran!.id, oman!.id, iaea!.id] });
    const sharesOne = createTestArticle({ title: 'Oman mediates', entityIds: [oman!.id], publishedAt: new Date('2025-04-20T10:00:00Z') });
    const sharesTwo = createTestArticle({ title: 'Iran and the IAEA', entityIds: [iran!.id, iaea!.id], publishedAt: new Date('2025-03-01T10:00:00Z') });
    createTestArticle({ title: 'Unrelated', entityIds: [] });

    expect(relatedArticles({ articleId: article.id }).map((related) => related.id)).toEqual([sharesTwo.id, sharesOne.id]);
  });

  it('leave out unpublished articles and drafts', () => {
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    const article = createTestArticle({ entityIds: [iran.id] });
    const withdrawn = createTestArticle({ entityIds: [iran.id] });
    createTestArticle({ entityIds: [iran.id], status: 'draft' });
    unpublishTestArticle({ articleId: withdrawn.id });

    expect(relatedArticles({ articleId: article.id })).toEqual([]);
  });
});

describe('more from this issue', () => {
  it('lists the other published articles of the issue, up to the limit', () => {
    const issue = createTestIssue();
    const article = createTestArticle({ issueId: issue.id });
    const others = [1, 2, 3].map((day) => createTestArticle({ issueId: issue.id, publishedAt: new Date(`2025-04-0${day}T08:00:00Z`) }));
    createTestArticle({ issueId: createTestIssue().id });

    const listed = moreFromIssue({ issueId: issue.id, excludeArticleId: article.id, limit: 2 });

    expect(listed.map((entry) => entry.id)).toEqual([others[2]!.id, others[1]!.id]);
  });
});

import { describe, expect, it } from 'vitest';
import type { IssueContents } from '@/lib/issues/issue-contents';
import { issueJsonLd } from '@/lib/issues/issue-json-ld';

const ISSUE: IssueContents = {
  id: 3,
  slug: '2025-04',
  title: 'April 2025',
  volume: 8,
  number: 3,
  coverDate: '2025-04-01',
  editorsNote: 'Five countries have said they will leave.',
  publishedAt: new Date('2025-04-01T09:00:00Z'),
  plannedPublicationDate: '2025-04-01',
  cover: null,
  editorsNoteHtml: null,
  sections: [{ name: 'News', slug: 'news', articles: [{ id: 1, slug: 'a', title: 'A story', dek: '', authors: [{ name: 'Dana Whitfield', slug: 'dana-whitfield', hasPage: true }], href: '/articles/a' }] }],
};

describe('issueJsonLd', () => {
  it('describes a PublicationIssue with its number, part of a PublicationVolume with its number', () => {
    expect(issueJsonLd({ issue: ISSUE, siteUrl: 'https://magazine.example', siteName: 'Arms Control Monthly' })).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'PublicationIssue',
      url: 'https://magazine.example/issues/2025-04',
      name: 'April 2025',
      issueNumber: '3',
      datePublished: '2025-04-01',
      description: 'Five countries have said they will leave.',
      isPartOf: { '@type': 'PublicationVolume', volumeNumber: '8', isPartOf: { '@type': 'Periodical', name: 'Arms Control Monthly', url: 'https://magazine.example' } },
      hasPart: [{ '@type': 'Article', headline: 'A story', url: 'https://magazine.example/articles/a', articleSection: 'News', author: [{ name: 'Dana Whitfield' }] }],
    });
  });

  it('leaves out the image and description when there are none', () => {
    const result = issueJsonLd({ issue: { ...ISSUE, editorsNote: '', sections: [] }, siteUrl: 'https://magazine.example', siteName: 'Masthead' });
    expect(result).not.toHaveProperty('image');
    expect(result).not.toHaveProperty('description');
    expect(result.hasPart).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { entityJsonLd, newsArticleJsonLd, serializeJsonLd, type JsonLdArticle } from '@/lib/entities/entity-json-ld';

const SITE = 'https://magazine.example';

function article(overrides: Partial<JsonLdArticle> = {}): JsonLdArticle {
  return {
    slug: 'finland-to-prepare-withdrawal',
    title: 'Finland Moves to Prepare Withdrawal From the Mine Ban Treaty',
    dek: 'President Stubb cites the long-term threat from Russia.',
    excerpt: 'Finland will begin preparing to withdraw.',
    wordCount: 480,
    publishedAt: new Date('2025-04-02T08:30:00Z'),
    firstPublishedAt: new Date('2025-04-02T08:30:00Z'),
    modifiedAt: new Date('2025-04-02T08:30:00Z'),
    section: { name: 'News' },
    issue: { title: 'April 2025', slug: '2025-04' },
    authors: [{ name: 'Miriam Kovacs' }, { name: 'Tomas Reyes' }],
    entities: [
      { kind: 'country', name: 'Finland', slug: 'finland', wikidataId: null },
      { kind: 'person', name: 'Alexander Stubb', slug: 'alexander-stubb', wikidataId: 'Q355' },
      { kind: 'organization', name: 'NATO', slug: 'nato', wikidataId: 'Q7184' },
      { kind: 'treaty', name: 'Mine Ban Treaty', slug: 'mine-ban-treaty', wikidataId: null },
      { kind: 'topic', name: 'Landmines', slug: 'landmines', wikidataId: null },
    ],
    ...overrides,
  };
}

describe('newsArticleJsonLd', () => {
  it('describes the article as a NewsArticle with its canonical address, dates, authors and publisher', () => {
    const data = newsArticleJsonLd({ article: article(), siteUrl: SITE, siteName: 'Masthead' });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Finland Moves to Prepare Withdrawal From the Mine Ban Treaty',
      description: 'President Stubb cites the long-term threat from Russia.',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/articles/finland-to-prepare-withdrawal` },
      datePublished: '2025-04-02T08:30:00.000Z',
      dateModified: '2025-04-02T08:30:00.000Z',
      author: [
        { '@type': 'Person', name: 'Miriam Kovacs' },
        { '@type': 'Person', name: 'Tomas Reyes' },
      ],
      publisher: { '@type': 'Organization', name: 'Masthead' },
      isPartOf: { '@type': 'PublicationIssue', name: 'April 2025', url: `${SITE}/issues/2025-04` },
    });
  });

  it('puts treaties and topics in about and everything else in mentions', () => {
    const data = newsArticleJsonLd({ article: article(), siteUrl: SITE, siteName: 'Masthead' });
    expect(data.about).toEqual([
      { '@type': 'Legislation', name: 'Mine Ban Treaty', url: `${SITE}/treaties/mine-ban-treaty` },
      { '@type': 'Thing', name: 'Landmines', url: `${SITE}/topics/landmines` },
    ]);
    expect(data.mentions).toEqual([
      { '@type': 'Country', name: 'Finland', url: `${SITE}/countries/finland` },
      { '@type': 'Person', name: 'Alexander Stubb', url: `${SITE}/people/alexander-stubb`, sameAs: 'https://www.wikidata.org/wiki/Q355' },
      { '@type': 'Organization', name: 'NATO', url: `${SITE}/organizations/nato`, sameAs: 'https://www.wikidata.org/wiki/Q7184' },
    ]);
  });

  it('falls back to the excerpt without a dek, and leaves out what the article does not have', () => {
    const data = newsArticleJsonLd({ article: article({ dek: '', issue: null, entities: [] }), siteUrl: SITE, siteName: 'Masthead' });
    expect(data.description).toBe('Finland will begin preparing to withdraw.');
    expect(data).not.toHaveProperty('isPartOf');
    expect(data).not.toHaveProperty('about');
    expect(data).not.toHaveProperty('mentions');
  });

  it('dates a corrected article by its later republication', () => {
    const data = newsArticleJsonLd({
      article: article({ publishedAt: new Date('2025-04-02T08:30:00Z'), modifiedAt: new Date('2025-04-05T12:00:00Z') }),
      siteUrl: SITE,
      siteName: 'Masthead',
    });
    expect(data.datePublished).toBe('2025-04-02T08:30:00.000Z');
    expect(data.dateModified).toBe('2025-04-05T12:00:00.000Z');
  });

  it('lists public corrections as CorrectionComment items, and none when there are none', () => {
    const corrected = newsArticleJsonLd({
      article: article({ corrections: [{ note: 'An earlier version misstated the date of the vote.', createdAt: new Date('2025-04-06T09:00:00Z') }] }),
      siteUrl: SITE,
      siteName: 'Masthead',
    });
    expect(corrected.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version misstated the date of the vote.', datePublished: '2025-04-06T09:00:00.000Z' },
    ]);
    expect(newsArticleJsonLd({ article: article(), siteUrl: SITE, siteName: 'Masthead' })).not.toHaveProperty('correction');
  });
});

describe('entityJsonLd', () => {
  it('links a person to our page and to Wikidata', () => {
    expect(entityJsonLd({ entity: { kind: 'person', name: 'Donald Tusk', slug: 'donald-tusk', wikidataId: 'Q946' }, siteUrl: SITE })).toEqual({
      '@type': 'Person',
      name: 'Donald Tusk',
      url: `${SITE}/people/donald-tusk`,
      sameAs: 'https://www.wikidata.org/wiki/Q946',
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it is written into', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert("x")</script> & <!-- more' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert("x")</script> & <!-- more' });
  });
});

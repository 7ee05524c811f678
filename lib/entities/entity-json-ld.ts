import type { EntityKind } from '@/db/schema';
import { entityPath } from './entity-path';

/** `isApproved: false` marks an entity still waiting for an editor: it has no public page to point at. */
export type JsonLdEntity = { kind: EntityKind; name: string; slug: string; wikidataId: string | null; isApproved?: boolean };

export type JsonLdArticle = {
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  wordCount: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  /** When the published text last changed (an update or a correction). */
  modifiedAt: Date;
  section: { name: string } | null;
  issue: { title: string; slug: string } | null;
  authors: { name: string }[];
  entities: JsonLdEntity[];
  /** Public correction notes, each becoming a schema.org `CorrectionComment`. */
  corrections?: { note: string; createdAt: Date }[];
};

type JsonLdNode = Record<string, unknown>;

const SCHEMA_TYPES: Record<EntityKind, string> = {
  country: 'Country',
  person: 'Person',
  organization: 'Organization',
  treaty: 'Legislation',
  topic: 'Thing',
};

/** Treaties and topics are what an article is about; the countries, people and organizations in it are mentioned. */
const ABOUT_KINDS: ReadonlySet<EntityKind> = new Set(['treaty', 'topic']);

/** One tagged entity as a schema.org node pointing at our entity page and, when known, at Wikidata. */
export function entityJsonLd({ entity, siteUrl }: { entity: JsonLdEntity; siteUrl: string }): JsonLdNode {
  return {
    '@type': SCHEMA_TYPES[entity.kind],
    name: entity.name,
    url: `${siteUrl}${entityPath(entity)}`,
    ...(entity.wikidataId ? { sameAs: `https://www.wikidata.org/wiki/${entity.wikidataId}` } : {}),
  };
}

/** The schema.org `NewsArticle` for an article page, its tagged entities split into `about` and `mentions`. */
export function newsArticleJsonLd({ article, siteUrl, siteName }: { article: JsonLdArticle; siteUrl: string; siteName: string }): JsonLdNode {
  const url = `${siteUrl}/articles/${article.slug}`;
  const modified = Math.max(article.publishedAt.getTime(), article.modifiedAt.getTime(), article.firstPublishedAt.getTime());
  const corrections = article.corrections ?? [];
  const listed = article.entities.filter((entity) => entity.isApproved !== false);
  const about = listed.filter((entity) => ABOUT_KINDS.has(entity.kind));
  const mentions = listed.filter((entity) => !ABOUT_KINDS.has(entity.kind));
  const description = article.dek || article.excerpt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(description ? { description } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.firstPublishedAt.toISOString(),
    dateModified: new Date(modified).toISOString(),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name })),
    publisher: { '@type': 'Organization', name: siteName, url: siteUrl },
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.wordCount > 0 ? { wordCount: article.wordCount } : {}),
    ...(article.issue
      ? { isPartOf: { '@type': 'PublicationIssue', name: article.issue.title, url: `${siteUrl}/issues/${article.issue.slug}` } }
      : {}),
    ...(about.length > 0 ? { about: about.map((entity) => entityJsonLd({ entity, siteUrl })) } : {}),
    ...(mentions.length > 0 ? { mentions: mentions.map((entity) => entityJsonLd({ entity, siteUrl })) } : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.note,
            datePublished: correction.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: with `<`, `>` and `&` escaped, no text in it can close the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

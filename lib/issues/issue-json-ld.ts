import 'server-only';
import type { IssueContents } from './issue-contents';
import { personJsonLd } from '@/lib/articles/person-json-ld';

/**
 * schema.org `PublicationIssue` for an issue page: its number, part of a `PublicationVolume` with
 * the volume's number, part of the periodical; the table of contents as `hasPart`.
 */
export function issueJsonLd({ issue, siteUrl, siteName }: { issue: IssueContents; siteUrl: string; siteName: string }): Record<string, unknown> {
  const url = `${siteUrl}/issues/${issue.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'PublicationIssue',
    '@id': url,
    url,
    name: issue.title,
    issueNumber: String(issue.number),
    datePublished: (issue.publishedAt ?? new Date(`${issue.coverDate}T00:00:00Z`)).toISOString().slice(0, 10),
    ...(issue.editorsNote ? { description: issue.editorsNote } : {}),
    ...(issue.cover ? { image: `${siteUrl}${issue.cover.url}` } : {}),
    isPartOf: {
      '@type': 'PublicationVolume',
      volumeNumber: String(issue.volume),
      isPartOf: { '@type': 'Periodical', name: siteName, url: siteUrl },
    },
    hasPart: issue.sections.flatMap((section) =>
      section.articles.map((article) => ({
        '@type': 'Article',
        headline: article.title,
        url: `${siteUrl}${article.href}`,
        articleSection: section.name,
        ...(article.authors.length > 0 ? { author: article.authors.map((author) => personJsonLd({ author, siteUrl })) } : {}),
      })),
    ),
  };
}

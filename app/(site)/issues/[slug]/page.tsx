import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { IssuePageView } from '@/components/site/issue-page-view';
import { getConfig } from '@/lib/platform/config/get-config';
import { serializeJsonLd } from '@/lib/entities/entity-json-ld';
import { getIssueContents } from '@/lib/issues/get-issue';
import { issueJsonLd } from '@/lib/issues/issue-json-ld';
import { getSiteName } from '@/lib/platform/settings/site-settings';

// Metadata and page ask for the same row in one request: read it once.
const load = cache(getIssueContents);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const issue = load((await params).slug);
  if (!issue) return {};
  const description = issue.editorsNote || `Volume ${issue.volume}, Number ${issue.number}: the table of contents.`;
  const path = `/issues/${issue.slug}`;
  return {
    title: issue.title,
    description,
    alternates: { canonical: path, types: { 'application/rss+xml': `${path}/feed.xml` } },
    openGraph: {
      type: 'website',
      title: issue.title,
      description,
      url: path,
      ...(issue.cover ? { images: [{ url: issue.cover.url, width: issue.cover.width, height: issue.cover.height, alt: issue.cover.alt || `Cover of ${issue.title}` }] } : {}),
    },
  };
}

export default async function IssuePage({ params }: Props) {
  await connection();
  const issue = load((await params).slug);
  if (!issue) notFound();
  const jsonLd = issueJsonLd({ issue, siteUrl: getConfig().siteUrl, siteName: getSiteName() });
  return (
    <>
      {/* Escaped by serializeJsonLd, so no title or note can end the script early. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <IssuePageView issue={issue} />
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ListingArticles } from '@/components/site/listing-articles';
import styles from '@/components/site/listing-page.module.css';
import { listingPageHref, parseListingPage } from '@/components/site/listing-pagination';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSectionPage } from '@/lib/site/sections/get-section-page';
import { getSiteName } from '@/lib/platform/settings/site-settings';

// Metadata and page ask for the same data in one request: read it once (primitive arguments, as `cache` compares by identity).
const load = cache((slug: string, page: number) => getSectionPage({ slug, page }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) return {};
  const { siteUrl } = getConfig();
  const basePath = `/sections/${data.section.slug}`;
  const title = data.page > 1 ? `${data.section.name} (page ${data.page})` : data.section.name;
  const description = data.section.description || `${data.section.name} from Masthead, newest first.`;
  const canonical = `${siteUrl}${listingPageHref({ basePath, page: data.page })}`;
  return {
    title,
    description,
    alternates: { canonical, types: { 'application/rss+xml': [{ url: `${siteUrl}${basePath}/feed.xml`, title: `${data.section.name} · ${getSiteName()}` }] } },
    openGraph: { type: 'website', title, description, url: canonical },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) notFound();
  return (
    <article>
      <header className={styles.header}>
        <p className="kicker">Section</p>
        <h1>{data.section.name}</h1>
        {data.section.description ? <p className="dek">{data.section.description}</p> : null}
      </header>
      <ListingArticles
        basePath={`/sections/${data.section.slug}`}
        articles={data.articles}
        page={data.page}
        pageCount={data.pageCount}
        emptyText={`Nothing has been published in ${data.section.name} yet.`}
        isSectionShown={false}
      />
    </article>
  );
}

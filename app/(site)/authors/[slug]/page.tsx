import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ListingArticles } from '@/components/site/listing-articles';
import styles from '@/components/site/listing-page.module.css';
import { listingPageHref, parseListingPage } from '@/components/site/listing-pagination';
import { getAuthorPage } from '@/lib/site/authors/get-author-page';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteName } from '@/lib/platform/settings/site-settings';

// Metadata and page ask for the same data in one request: read it once (primitive arguments, as `cache` compares by identity).
const load = cache((slug: string, page: number) => getAuthorPage({ slug, page }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) return {};
  const { siteUrl } = getConfig();
  const basePath = `/authors/${data.author.slug}`;
  const title = data.page > 1 ? `${data.author.name} (page ${data.page})` : data.author.name;
  const description = data.author.bio || `Articles by ${data.author.name} in Masthead.`;
  const canonical = `${siteUrl}${listingPageHref({ basePath, page: data.page })}`;
  return {
    title,
    description,
    alternates: { canonical, types: { 'application/rss+xml': [{ url: `${siteUrl}${basePath}/feed.xml`, title: `${data.author.name} · ${getSiteName()}` }] } },
    openGraph: { type: 'profile', title, description, url: canonical },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) notFound();
  return (
    <article>
      <header className={styles.header}>
        <p className="kicker">Contributor</p>
        <h1>{data.author.name}</h1>
        {data.author.bio ? <p className={`dek ${styles.bio}`}>{data.author.bio}</p> : null}
      </header>
      <ListingArticles
        basePath={`/authors/${data.author.slug}`}
        articles={data.articles}
        page={data.page}
        pageCount={data.pageCount}
        emptyText={`Nothing by ${data.author.name} has been published yet.`}
        isSectionShown
      />
    </article>
  );
}

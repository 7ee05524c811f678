import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ListingArticles } from '@/components/site/listing-articles';
import { ListingHeader } from '@/components/site/listing-header';
import { listingPageMetadata } from '@/components/site/listing-page-metadata';
import { parseListingPage } from '@/components/site/listing-pagination';
import { getAuthorPage } from '@/lib/site/authors/get-author-page';

// Metadata and page ask for the same data in one request: read it once (primitive arguments, as `cache` compares by identity).
const load = cache((slug: string, page: number) => getAuthorPage({ slug, page }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) return {};
  return listingPageMetadata({
    name: data.author.name,
    description: data.author.bio || `Articles by ${data.author.name} in Masthead.`,
    basePath: `/authors/${data.author.slug}`,
    page: data.page,
    openGraphType: 'profile',
  });
}

export default async function AuthorPage({ params, searchParams }: Props) {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) notFound();
  return (
    <article>
      <ListingHeader kicker="Contributor" name={data.author.name} description={data.author.bio} isBio />
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

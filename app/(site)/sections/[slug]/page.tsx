import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ListingArticles } from '@/components/site/listing-articles';
import { ListingHeader } from '@/components/site/listing-header';
import { listingPageMetadata } from '@/components/site/listing-page-metadata';
import { parseListingPage } from '@/components/site/listing-pagination';
import { getSectionPage } from '@/lib/site/sections/get-section-page';

// Metadata and page ask for the same data in one request: read it once (primitive arguments, as `cache` compares by identity).
const load = cache((slug: string, page: number) => getSectionPage({ slug, page }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) return {};
  return listingPageMetadata({
    name: data.section.name,
    description: data.section.description || `${data.section.name} from Masthead, newest first.`,
    basePath: `/sections/${data.section.slug}`,
    page: data.page,
    openGraphType: 'website',
  });
}

export default async function SectionPage({ params, searchParams }: Props) {
  await connection();
  const page = parseListingPage((await searchParams).page);
  const data = page === null ? null : load((await params).slug, page);
  if (!data) notFound();
  return (
    <article>
      <ListingHeader kicker="Section" name={data.section.name} description={data.section.description} />
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

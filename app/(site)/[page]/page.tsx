import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { StandalonePage } from '@/components/site/standalone-page';
import { getSiteName } from '@/lib/platform/settings/site-settings';
import { getPageView } from '@/lib/site/pages/get-page-view';
import { checkPageSlug } from '@/lib/site/pages/page-slug';

// Metadata and page ask for the same entry in one request: read it once. An address no page could have is not looked up (nor cached).
const load = cache(async (slug: string) => (checkPageSlug(slug) === null ? getPageView(slug) : null));

type Props = { params: Promise<{ page: string }> };

/** Every other route is more specific than this one, so it only ever sees addresses no route claims. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const page = await load((await params).page);
  if (!page) return {};
  const url = `/${page.slug}`;
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: url },
    openGraph: { type: 'website', siteName: getSiteName(), url, title: page.title, description: page.description },
    twitter: { card: 'summary', title: page.title, description: page.description },
  };
}

export default async function StandalonePageRoute({ params }: Props) {
  // Rendered per request, for the script nonce (ADR 007); the data comes from the tagged cache.
  await connection();
  const page = await load((await params).page);
  if (!page) notFound();
  return <StandalonePage title={page.title} html={page.html} />;
}

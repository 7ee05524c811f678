import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { EntityKind } from '@/lib/entities/entity-types';
import { getConfig } from '@/lib/platform/config/get-config';
import { getEntityPage } from '@/lib/entities/get-entity-page';
import { entityPath } from '@/lib/entities/entity-path';
import { EntityPage } from './entity-page';
import { listingPageHref } from './listing-pagination';
import { getSiteName } from '@/lib/platform/settings/site-settings';

type EntityRouteProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * `generateMetadata` and the page for one kind's `[slug]/page.tsx`: the five entity routes differ
 * only in the kind they show.
 */
export function createEntityRoute(kind: EntityKind) {
  // Metadata and page ask for the same data in one request: read it once. Primitive arguments, since `cache` compares by identity.
  const load = cache((slug: string, page: number) => getEntityPage({ kind, slug, page }));

  async function generateMetadata({ params, searchParams }: EntityRouteProps): Promise<Metadata> {
    await connection();
    const page = parsePage((await searchParams).page);
    if (page === null) return {};
    const result = load((await params).slug, page);
    if (result.status !== 'found') return {};
    const { entity } = result.data;
    const { siteUrl } = getConfig();
    const basePath = entityPath(entity);
    const title = page > 1 ? `${entity.name} (page ${page})` : entity.name;
    const description = entity.description || `Articles from Masthead about ${entity.name}.`;
    const canonical = `${siteUrl}${listingPageHref({ basePath, page })}`;
    return {
      title,
      description,
      alternates: {
        canonical,
        types: { 'application/rss+xml': [{ url: `${siteUrl}${basePath}/feed.xml`, title: `${entity.name} · ${getSiteName()}` }] },
      },
      openGraph: { type: 'website', title, description, url: canonical },
    };
  }

  async function EntityRoutePage({ params, searchParams }: EntityRouteProps) {
    await connection();
    const page = parsePage((await searchParams).page);
    if (page === null) notFound();
    const result = load((await params).slug, page);
    if (result.status === 'moved') permanentRedirect(listingPageHref({ basePath: entityPath(result.to), page }));
    if (result.status === 'missing') notFound();
    return <EntityPage {...result.data} />;
  }

  return { generateMetadata, EntityRoutePage };
}

/** `?page=N` for a positive whole N; absent means 1, anything else matches no page. */
function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}

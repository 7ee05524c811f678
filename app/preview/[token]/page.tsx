import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ArticleView } from '@/components/site/article-view';
import { resolvePreviewToken } from '@/lib/articles/preview-links';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';

// Metadata and page ask for the same link in one request: read it once.
const load = cache(resolvePreviewToken);

type Props = { params: Promise<{ token: string }> };

// The address is the secret: keep it out of search engines and out of the Referer header of any link followed from here.
const PRIVATE_PAGE: Metadata = { robots: { index: false, follow: false, nocache: true }, referrer: 'no-referrer' };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const preview = load((await params).token);
  return { ...PRIVATE_PAGE, title: preview ? `Preview: ${preview.title}` : 'Preview not available' };
}

/** An unpublished article for whoever holds a valid preview link: partners and press under embargo. */
export default async function PreviewLinkPage({ params }: Props) {
  await connection();
  const preview = load((await params).token);
  if (!preview) notFound();
  const { embargoedUntil, expiresAt, ...article } = preview;
  const { timeZone } = getSiteSettings();
  return (
    <>
      <p className="preview-banner" role="note">
        {embargoedUntil ? (
          <>
            <strong>Embargoed preview — not for publication before {formatInZone({ instant: embargoedUntil, timeZone })}.</strong>
          </>
        ) : (
          <strong>Preview — not yet published.</strong>
        )}{' '}
        This link stops working on {formatInZone({ instant: expiresAt, timeZone })}.
      </p>
      <main id="main" className="site-main">
        <ArticleView {...article} />
      </main>
    </>
  );
}

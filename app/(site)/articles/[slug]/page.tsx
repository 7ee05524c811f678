import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { AccessPanel } from '@/components/site/access-panel';
import { ArticleView } from '@/components/site/article-view';
import { CompactArticleList } from '@/components/site/compact-article-list';
import { SubscribeBox } from '@/components/site/subscribe-box';
import { findCurrentArticleSlug } from '@/lib/articles/find-current-article-slug';
import { getConfig } from '@/lib/platform/config/get-config';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/entities/entity-json-ld';
import { getArticlePage } from '@/lib/site/get-article-page';
import { getSiteName } from '@/lib/platform/settings/site-settings';
import { authorPath } from '@/lib/articles/author-path';
import { personJsonLd } from '@/lib/articles/person-json-ld';
import { isGatedIn } from '@/lib/access/article-access-rule';
import { readArticleAccess } from '@/lib/access/read-article-access';
import { siteMonth } from '@/lib/access/site-month';

// Metadata and page ask for the same entry in one request: read it once.
const load = cache(getArticlePage);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const page = await load((await params).slug);
  if (!page) return {};
  const { article } = page;
  const description = article.dek || article.excerpt;
  const url = `/articles/${article.slug}`;
  const image = { url: `${url}/social.png`, width: 1200, height: 630, alt: article.title };
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    authors: article.authors.map((author) => ({ name: author.name, url: authorPath(author) })),
    openGraph: {
      type: 'article',
      siteName: getSiteName(),
      url,
      title: article.title,
      description,
      publishedTime: article.firstPublishedAt.toISOString(),
      modifiedTime: article.modifiedAt.toISOString(),
      section: article.section?.name,
      authors: article.authors.flatMap((author) => authorPath(author) ?? []),
      tags: article.entities.map((entity) => entity.name),
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: article.title, description, images: [image] },
  };
}

export default async function ArticlePage({ params }: Props) {
  // Rendered per request, for the script nonce (ADR 007); the data comes from the tagged cache.
  await connection();
  const { slug } = await params;
  const page = await load(slug);
  if (!page) {
    const current = findCurrentArticleSlug(slug);
    if (current && current !== slug) permanentRedirect(`/articles/${current}`);
    // A withdrawn article never gets here: the proxy answers 410 for it (ADR 005).
    notFound();
  }
  const { article, related, moreFromIssue } = page;
  const { siteUrl } = getConfig();
  const isGated = isGatedIn({ rule: article.accessRule, month: siteMonth(new Date()) });
  // Decided per request; a reader without access gets only the public part (the rest never leaves the server).
  const access = isGated ? await readArticleAccess({ rule: article.accessRule }) : null;
  const isShut = access !== null && !access.isAllowed;
  const jsonLd = {
    ...newsArticleJsonLd({ article, siteUrl, siteName: getSiteName() }),
    ...(isGated
      ? { isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.members-content' } }
      : {}),
    image: [`${siteUrl}/articles/${article.slug}/social.png`],
    publisher: { '@type': 'NewsMediaOrganization', name: getSiteName(), url: siteUrl },
    author: article.authors.map((author) => personJsonLd({ author, siteUrl })),
  };
  return (
    <>
      {/* Escaped by serializeJsonLd, so no text in the article can end the script early. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleView
        title={article.title}
        dek={article.dek}
        html={isShut ? article.publicHtml : article.html}
        authors={article.authors}
        publishedAt={article.publishedAt}
        section={article.section}
        issue={article.issue}
        entities={article.entities}
        modifiedAt={article.modifiedAt}
        corrections={article.corrections}
        isMembersContent={isGated && !isShut}
        accessPanel={access && !access.isAllowed ? <AccessPanel reason={access.reason} isSignedIn={access.isSignedIn} seats={access.reason === 'seats-taken' ? access.seats : null} /> : null}
      />
      <div className="article-after">
        {related.length > 0 ? (
          <section aria-labelledby="related-title" className="article-more">
            <h2 id="related-title">Related</h2>
            <CompactArticleList articles={related} />
          </section>
        ) : null}
        {article.issue && moreFromIssue.length > 0 ? (
          <section aria-labelledby="from-issue-title" className="article-more">
            <h2 id="from-issue-title">More from the {article.issue.title} issue</h2>
            <CompactArticleList articles={moreFromIssue} />
          </section>
        ) : null}
        <SubscribeBox />
      </div>
    </>
  );
}

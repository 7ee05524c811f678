import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ArticleView } from '@/components/site/article-view';
import { findCurrentArticleSlug } from '@/lib/articles/find-current-article-slug';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { getConfig } from '@/lib/config/get-config';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/entities/entity-json-ld';

// Metadata and page ask for the same row in one request: read it once.
const load = cache(getPublishedArticle);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = load((await params).slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.dek || article.excerpt,
    alternates: { canonical: `/articles/${article.slug}` },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.dek || article.excerpt,
      publishedTime: article.firstPublishedAt.toISOString(),
      modifiedTime: article.modifiedAt.toISOString(),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const article = load(slug);
  if (!article) {
    const current = findCurrentArticleSlug(slug);
    if (current && current !== slug) permanentRedirect(`/articles/${current}`);
    // A withdrawn article never gets here: the proxy answers 410 for it (ADR 005).
    notFound();
  }
  const jsonLd = newsArticleJsonLd({ article, siteUrl: getConfig().siteUrl });
  return (
    <>
      {/* Escaped by serializeJsonLd, so no text in the article can end the script early. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleView {...article} />
    </>
  );
}

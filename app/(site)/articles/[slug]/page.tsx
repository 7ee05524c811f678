import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { Byline } from '@/components/site/byline';
import { formatDate } from '@/components/ui/format-date';
import { getPublishedArticle } from '@/lib/articles/get-published-article';

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
    openGraph: { type: 'article', title: article.title, description: article.dek || article.excerpt },
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = load((await params).slug);
  if (!article) notFound();
  return (
    <article className="article">
      <header>
        {article.section ? <p className="kicker">{article.section.name}</p> : null}
        <h1>{article.title}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        <p className="meta">
          <Byline authors={article.authors} />{' '}
          <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
          {article.issue ? (
            <>
              {' · '}
              <Link href={`/issues/${article.issue.slug}`}>{article.issue.title}</Link>
            </>
          ) : null}
        </p>
      </header>
      {/* The HTML comes from validated article JSON through the shared renderer, never from stored HTML. */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.entities.length > 0 ? (
        <footer className="article-tags">
          <h2>In this article</h2>
          <ul>
            {article.entities.map((entity) => (
              <li key={`${entity.kind}:${entity.slug}`}>{entity.name}</li>
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}

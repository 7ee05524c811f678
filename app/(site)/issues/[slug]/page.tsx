import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ArticleList } from '@/components/site/article-list';
import { getIssueContents } from '@/lib/issues/get-issue';

// Metadata and page ask for the same row in one request: read it once.
const load = cache(getIssueContents);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const issue = load((await params).slug);
  return issue ? { title: issue.title, alternates: { canonical: `/issues/${issue.slug}` } } : {};
}

export default async function IssuePage({ params }: Props) {
  await connection();
  const issue = load((await params).slug);
  if (!issue) notFound();
  return (
    <article className="issue">
      <p className="kicker">
        Volume {issue.volume}, Number {issue.number}
      </p>
      <h1>{issue.title}</h1>
      {issue.editorsNote ? <p className="dek">{issue.editorsNote}</p> : null}
      {issue.sections.map((section) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`}>{section.name}</h2>
          <ArticleList articles={section.articles} isSectionShown={false} />
        </section>
      ))}
      {issue.sections.length === 0 ? <p>No articles in this issue have been published yet.</p> : null}
    </article>
  );
}

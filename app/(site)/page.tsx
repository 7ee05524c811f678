import Link from 'next/link';
import { connection } from 'next/server';
import { ArticleList } from '@/components/site/article-list';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import { getCurrentIssue } from '@/lib/issues/get-issue';

export default async function HomePage() {
  await connection();
  const issue = getCurrentIssue();
  const latest = listPublishedArticles({ limit: 12 });
  return (
    <>
      {issue ? (
        <section className="current-issue" aria-labelledby="current-issue-title">
          <p className="kicker">Current issue · Volume {issue.volume}, Number {issue.number}</p>
          <h1 id="current-issue-title">
            <Link href={`/issues/${issue.slug}`}>{issue.title}</Link>
          </h1>
          {issue.editorsNote ? <p className="dek">{issue.editorsNote}</p> : null}
        </section>
      ) : (
        <h1>Masthead</h1>
      )}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest</h2>
        {latest.length > 0 ? <ArticleList articles={latest} /> : <p>Nothing has been published yet.</p>}
      </section>
    </>
  );
}

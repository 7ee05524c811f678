import type { HomeIssue } from '@/lib/site/get-home-page';
import { ArticleList } from './article-list';

/** The home page's lead: the current issue's cover, title and editor's note, and a few of its articles. */
export function CurrentIssue({ issue }: { issue: HomeIssue }) {
  return (
    <section className="current-issue" aria-labelledby="current-issue-title">
      {issue.cover ? (
        <div className="current-issue-cover">
          {/* eslint-disable-next-line @next/next/no-img-element -- resized copies come from the media library, with their own srcset */}
          <img
            src={issue.cover.url}
            srcSet={issue.cover.srcset || undefined}
            sizes="(min-width: 48rem) 16rem, 60vw"
            width={issue.cover.width}
            height={issue.cover.height}
            alt={issue.cover.alt || `Cover of the ${issue.title} issue`}
            fetchPriority="high"
          />
        </div>
      ) : null}
      <div className="current-issue-text">
        <p className="kicker">
          Current issue · Volume {issue.volume}, Number {issue.number}
        </p>
        <h1 id="current-issue-title">
          <a href={`/issues/${issue.slug}`}>{issue.title}</a>
        </h1>
        {issue.editorsNote ? <p className="dek">{issue.editorsNote}</p> : null}
        {issue.highlights.length > 0 ? (
          <>
            <h2 className="visually-hidden">In this issue</h2>
            <ArticleList articles={issue.highlights} />
          </>
        ) : null}
        <p className="meta">
          <a href={`/issues/${issue.slug}`}>The whole {issue.title} issue</a>
        </p>
      </div>
    </section>
  );
}

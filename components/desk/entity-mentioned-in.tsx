import Link from 'next/link';
import type { ArticleStatus } from '@/db/schema';
import type { EntityMentioningArticle } from '@/lib/entities/get-entity-for-edit';

const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The articles that tag or mention an entity, each linking to the editor. */
export function EntityMentionedIn({ articles, hiddenCount }: { articles: EntityMentioningArticle[]; hiddenCount: number }) {
  if (articles.length === 0 && hiddenCount === 0) return <p>No article mentions it yet.</p>;
  return (
    <>
      {articles.length > 0 ? (
        <ul aria-label="Articles that mention it">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/desk/articles/${article.id}`}>{article.title}</Link>{' '}
              <span className={`status status-${article.status}`}>{STATUS_LABELS[article.status]}</span>{' '}
              <span className="meta">{howReferred(article)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {hiddenCount > 0 ? (
        <p className="hint">
          And {hiddenCount} {hiddenCount === 1 ? 'article' : 'articles'} by other authors.
        </p>
      ) : null}
    </>
  );
}

function howReferred(article: EntityMentioningArticle): string {
  if (article.isTagged && article.isMentionedInText) return 'tagged, mentioned in the text';
  return article.isTagged ? 'tagged' : 'mentioned in the text, not tagged';
}

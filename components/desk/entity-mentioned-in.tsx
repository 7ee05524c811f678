import Link from 'next/link';
import type { EntityMentioningArticle } from '@/lib/entities/get-entity-for-edit';
import { StatusBadge } from '@/components/desk/dashboard/status-badge';
import { EmptyState } from '@/components/ui/empty-state';

/** The articles that tag or mention an entity, each linking to the editor. */
export function EntityMentionedIn({ articles, hiddenCount }: { articles: EntityMentioningArticle[]; hiddenCount: number }) {
  if (articles.length === 0 && hiddenCount === 0) return <EmptyState>No article mentions it yet.</EmptyState>;
  return (
    <>
      {articles.length > 0 ? (
        <ul aria-label="Articles that mention it">
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={`/desk/articles/${article.id}`}>{article.title}</Link>{' '}
              <StatusBadge status={article.status} />{' '}
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

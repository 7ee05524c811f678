import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { formatDate } from '@/components/ui/format-date';
import { Byline } from './byline';

export function ArticleList({ articles, isSectionShown = true }: { articles: PublishedArticleSummary[]; isSectionShown?: boolean }) {
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          {isSectionShown && article.section ? <p className="kicker">{article.section.name}</p> : null}
          <h3>
            <a href={`/articles/${article.slug}`}>{article.title}</a>
          </h3>
          {article.dek ? <p className="dek">{article.dek}</p> : null}
          <p className="meta">
            <Byline authors={article.authors} /> <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

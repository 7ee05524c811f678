import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';

/** Titles with their section and dek, for lists beside an article (related, more from the issue). */
export function CompactArticleList({ articles }: { articles: PublishedArticleSummary[] }) {
  return (
    <ul className="compact-list">
      {articles.map((article) => (
        <li key={article.id}>
          {article.section ? <p className="kicker">{article.section.name}</p> : null}
          <a href={`/articles/${article.slug}`}>{article.title}</a>
          {article.dek ? <p className="compact-dek">{article.dek}</p> : null}
        </li>
      ))}
    </ul>
  );
}

import Link from 'next/link';
import { entityPath } from '@/lib/entities/entity-path';
import type { MergePreview } from '@/lib/entities/preview-merge';

type ReadyPreview = Extract<MergePreview, { ok: true }>;

/** What a merge will do, spelled out before anyone confirms it. */
export function EntityMergePreview({ preview }: { preview: ReadyPreview }) {
  const { source, target, affectedArticles, aliasesMoved, mentionsToRewrite } = preview;
  return (
    <div className="stack" aria-label="Merge preview" role="region">
      <h3>
        Merging “{source.name}” into “{target.name}”
      </h3>
      <ul>
        <li>
          {affectedArticles.length === 0
            ? 'No article refers to it.'
            : `${affectedArticles.length} ${affectedArticles.length === 1 ? 'article is' : 'articles are'} retagged:`}
          {affectedArticles.length > 0 ? (
            <ul aria-label="Affected articles">
              {affectedArticles.map((article) => (
                <li key={article.id}>
                  <Link href={`/desk/articles/${article.id}`}>{article.title}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        <li>
          {mentionsToRewrite === 0
            ? 'No text has a mention to rewrite.'
            : `Mentions in ${mentionsToRewrite} ${mentionsToRewrite === 1 ? 'text' : 'texts'} (working copies and published versions) point to “${target.name}”, worded as before.`}
        </li>
        <li>
          {aliasesMoved.length === 0 ? `“${target.name}” gains no new aliases.` : `“${target.name}” gains the aliases: ${aliasesMoved.join(', ')}.`}
        </li>
        <li>
          {entityPath(source)} will lead to {entityPath(target)}, and “{source.name}” is deleted.
        </li>
      </ul>
    </div>
  );
}

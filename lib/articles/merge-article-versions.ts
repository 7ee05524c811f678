import type { JSONContent } from '@tiptap/core';
import { fromInlineTokens } from '@/lib/content/inline-tokens';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import type { ArticleVersion, ArticleVersionDiff, WordPart } from './diff-article-versions';

export type MergeSide = 'mine' | 'theirs';
/** A side for each change, by its id; a change left out keeps mine. */
export type MergeChoices = Record<string, MergeSide>;

export type MergedArticle = ({ ok: true } & ArticleVersion) | { ok: false; error: string };

/**
 * Builds the article from a choice per change. Each word keeps the marks it had on the side it came
 * from, so a paragraph taken whole from one side keeps all its formatting, and one mixing both sides
 * has each side's links and emphasis on that side's words. The body is checked against the article
 * schema, so the result is always a document the editor can open.
 */
export function mergeArticleVersions({ diff, choices }: { diff: ArticleVersionDiff; choices: MergeChoices }): MergedArticle {
  const pick = <T>(part: WordPart<T>): T[] => (part.kind === 'same' ? part.items : choices[part.id] === 'theirs' ? part.theirs : part.mine);
  const title = diff.title.flatMap(pick).join('');
  if (title.trim() === '') return { ok: false, error: 'The merged title is empty; take the title from one of the versions.' };
  const dek = diff.dek.flatMap(pick).join('');
  const blocks = diff.body.flatMap((part): JSONContent[] => {
    if (part.kind === 'same') return part.blocks;
    if (part.kind === 'blocks') return choices[part.id] === 'theirs' ? part.theirs : part.mine;
    const content = fromInlineTokens(part.parts.flatMap(pick));
    return [content.length > 0 ? { ...part.block, content } : { ...part.block }];
  });
  const validation = validateArticleDoc({ type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] });
  if (!validation.ok) return { ok: false, error: `These choices make a text the editor cannot hold: ${validation.message} Choose the other side for that change.` };
  return { ok: true, title, dek, body: validation.doc };
}

/** The same side for every change: "all mine" or "all theirs". */
export function chooseAll({ diff, side }: { diff: ArticleVersionDiff; side: MergeSide }): MergeChoices {
  return Object.fromEntries(diff.changeIds.map((id) => [id, side]));
}

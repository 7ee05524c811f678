'use client';

import { useCallback, useRef, useState } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { EditableArticle } from '@/lib/articles/get-article-for-edit';
import { slugify } from '@/lib/content/text/slugify';
import { articleMetaOf } from './article-meta-of';
import type { ArticleMeta } from './metadata-panel';

/** Title, dek, slug and the other fields; the slug follows the title until someone edits it or the article is published. */
export function useArticleMeta({ article, onChange }: { article: EditableArticle; onChange: () => void }) {
  const [meta, setMeta] = useState<ArticleMeta>(() => articleMetaOf(article));
  const metaRef = useRef(meta);
  const slugFollowsTitle = useRef(!article.isPublished && article.slug === slugify(article.title));

  const changeMeta = (changes: Partial<ArticleMeta>, { isSlugEdit = false } = {}) => {
    if (isSlugEdit) slugFollowsTitle.current = false;
    const next = { ...metaRef.current, ...changes };
    if (changes.title !== undefined && slugFollowsTitle.current) next.slug = slugify(changes.title);
    metaRef.current = next;
    setMeta(next);
    onChange();
  };

  const replaceMeta = useCallback((state: ArticleDraft) => {
    metaRef.current = articleMetaOf(state);
    setMeta(metaRef.current);
  }, []);

  // The issue planner may have filed the article elsewhere; show its choice unless the writer has changed the field since.
  const keepServerIssue = useCallback(({ sent, issueId }: { sent: number | null; issueId: number | null }) => {
    if (issueId === sent || metaRef.current.issueId !== sent) return;
    metaRef.current = { ...metaRef.current, issueId };
    setMeta(metaRef.current);
  }, []);

  return { meta, metaRef, changeMeta, replaceMeta, keepServerIssue };
}

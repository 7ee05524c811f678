import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { paragraphDoc } from './article';

/** A save request for an article as it stands, with the given changes. */
export function saveInput({
  articleId,
  actor,
  text,
  body,
  ...changes
}: {
  articleId: number;
  actor: StaffIdentity;
  text?: string;
  body?: JSONContent;
  baseVersion?: number;
  reason?: 'autosave' | 'save' | 'conflict';
  title?: string;
  slug?: string;
  dek?: string;
  editorId?: string;
}) {
  const current = getArticleForEdit({ id: articleId, actor });
  return {
    baseVersion: current.version,
    reason: 'save' as const,
    title: current.title,
    dek: current.dek,
    slug: current.slug,
    body: body ?? (text !== undefined ? paragraphDoc(text) : current.body),
    sectionId: current.sectionId,
    issueId: current.issueId,
    authorContributorIds: current.authors.map((author) => author.id),
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
    featuredMediaId: current.featuredImage?.id ?? null,
    ...changes,
  };
}

export function articleRow(id: number) {
  return getDb().select().from(articles).where(eq(articles.id, id)).get()!;
}

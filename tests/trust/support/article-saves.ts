import type { StaffClient } from './staff-client';

type EditableArticle = {
  id: number;
  version: number;
  title: string;
  dek: string;
  slug: string;
  body: { type: string; content?: unknown[] };
  sectionId: number | null;
  issueId: number | null;
  authors: { id: number }[];
  seoTitle: string;
  seoDescription: string;
  featuredImage: { id: number } | null;
  manualTags: { id: number }[];
};

/** The editor's view of an article over HTTP. */
export async function loadArticle(client: StaffClient, id: number): Promise<EditableArticle> {
  const answer = await client.request(`/api/desk/articles/${id}`);
  if (answer.status !== 200) throw new Error(`Loading article ${id} answered ${answer.status}.`);
  return answer.json.article as EditableArticle;
}

/** A save request that appends one paragraph to what the writer last saw. */
export function appendParagraph(article: EditableArticle, text: string) {
  return {
    baseVersion: article.version,
    reason: 'save' as const,
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    body: { ...article.body, content: [...(article.body.content ?? []), { type: 'paragraph', content: [{ type: 'text', text }] }] },
    sectionId: article.sectionId,
    issueId: article.issueId,
    authorContributorIds: article.authors.map((author) => author.id),
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    featuredMediaId: article.featuredImage?.id ?? null,
    manualEntityIds: article.manualTags.map((tag) => tag.id),
  };
}

import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { ArticleMeta } from './metadata-panel';

type MetaSource = Omit<ArticleDraft, 'body' | 'authorContributorIds' | 'featuredMediaId'> &
  Partial<Pick<ArticleDraft, 'authorContributorIds' | 'featuredMediaId'>> & {
    authors?: { id: number }[];
    featuredImage?: { id: number } | null;
  };

/** The editable fields besides the text, from the article as loaded or from a saved draft. */
export function articleMetaOf(source: MetaSource): ArticleMeta {
  return {
    title: source.title,
    dek: source.dek,
    slug: source.slug,
    sectionId: source.sectionId,
    issueId: source.issueId,
    authorContributorIds: source.authorContributorIds ?? source.authors?.map((author) => author.id) ?? [],
    seoTitle: source.seoTitle,
    seoDescription: source.seoDescription,
    featuredMediaId: source.featuredMediaId ?? source.featuredImage?.id ?? null,
  };
}

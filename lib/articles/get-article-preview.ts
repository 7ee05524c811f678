import 'server-only';
import type { EntityKind } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { loadArticleFor } from './article-access';
import type { Byline } from './article-bylines';
import { workingCopyView } from './working-copy-view';

export type ArticlePreview = {
  title: string;
  dek: string;
  html: string;
  authors: Byline[];
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  entities: { kind: EntityKind; name: string; slug: string }[];
};

/** The working copy as the reader template will show it once published. */
export function getArticlePreview({ id, actor }: { id: number; actor: StaffIdentity }): ArticlePreview {
  return workingCopyView(loadArticleFor({ id, actor, action: 'article.view' }));
}

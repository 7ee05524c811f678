import 'server-only';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { loadArticleFor } from './article-access';
import type { ArticlePreview } from './article-preview';
import { workingCopyView } from './working-copy-view';

/** The working copy as the reader template will show it once published. */
export function getArticlePreview({ id, actor }: { id: number; actor: StaffIdentity }): ArticlePreview {
  return workingCopyView(loadArticleFor({ id, actor, action: 'article.view' }));
}

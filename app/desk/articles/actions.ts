'use server';

import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { createArticle } from '@/lib/articles/create-article';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

export type CreateArticleState = { error?: string; title?: string };

export async function createArticleAction(_previous: CreateArticleState, formData: FormData): Promise<CreateArticleState> {
  const staff = await requireStaff({ returnTo: '/desk/articles/new' });
  const title = String(formData.get('title') ?? '');
  const result = createArticle({ actor: staff, title });
  if (!result.ok) return { error: result.error, title };
  redirect(`/desk/articles/${result.id}`);
}

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const articleId = Number(formData.get('articleId'));
  const revisionId = Number(formData.get('revisionId'));
  const staff = await requireStaff({ returnTo: `/desk/articles/${articleId}/history` });
  const result = restoreOrRefuse({ articleId, revisionId, actor: staff });
  if (!result.ok) redirect(`/desk/articles/${articleId}/history?error=${encodeURIComponent(result.error)}`);
  redirect(`/desk/articles/${articleId}/history?restored=${result.version}`);
}

/** A restore the caller may not make, or of something that is gone, is a refusal they can read, not a crash. */
function restoreOrRefuse(input: Parameters<typeof restoreRevision>[0]): ReturnType<typeof restoreRevision> | { ok: false; error: string } {
  try {
    return restoreRevision(input);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, error: error.message };
    throw error;
  }
}

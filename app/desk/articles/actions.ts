'use server';

import { z } from 'zod';
import { createArticle } from '@/lib/articles/create-article';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { ForbiddenError, NotFoundError } from '@/lib/platform/errors/domain-errors';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

type CreateArticleResult = { ok: true; redirectTo: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type CreateArticleState = StaffActionState<CreateArticleResult>;

export const createArticleAction = staffAction({
  name: 'article.create',
  permission: 'article.create',
  input: z.object({ title: formText }),
  returnTo: '/desk/articles/new',
  audit: 'in-domain',
  run: ({ staff, input }): CreateArticleResult => {
    const result = createArticle({ actor: staff, title: input.title });
    if (!result.ok) return result;
    return { ok: true, redirectTo: `/desk/articles/${result.id}` };
  },
});

/** A history page's "Restore" button: back to the history with the outcome in the address, as the form has no state. */
export const restoreRevisionAction = staffAction({
  name: 'article.restore',
  permission: 'article.edit',
  input: z.object({ articleId: formId, revisionId: formId }),
  returnTo: (sent) => `/desk/articles/${sent.articleId}/history`,
  audit: 'in-domain',
  run: ({ staff, input }): { ok: true; redirectTo: string } => {
    const history = `/desk/articles/${input.articleId}/history`;
    try {
      const result = restoreRevision({ articleId: input.articleId, revisionId: input.revisionId, actor: staff });
      return { ok: true, redirectTo: result.ok ? `${history}?restored=${result.version}` : `${history}?error=${encodeURIComponent(result.error)}` };
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: true, redirectTo: `${history}?error=${encodeURIComponent(error.message)}` };
      throw error;
    }
  },
});

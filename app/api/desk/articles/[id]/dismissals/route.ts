import { z } from 'zod';
import { dismissSuggestion, dismissSuggestions, listDismissedSuggestions } from '@/lib/articles/dismissed-suggestions';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

export const GET = staffEndpoint({
  name: 'article.dismissals.list',
  permission: 'article.view',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, keys: listDismissedSuggestions({ articleId: params.id, actor: staff }) }),
});

/** Remembers that a tag suggestion (`{ key }`) or several at once (`{ keys }`) were dismissed for this article. */
export const POST = staffEndpoint({
  name: 'article.dismissals.add',
  permission: 'article.edit',
  params,
  input: { body: z.object({ key: z.unknown().optional(), keys: z.unknown().optional() }, { error: 'Send the suggestion to dismiss as {"key": "…"}, or several as {"keys": […]}.' }), maxBytes: 64 * 1024 },
  // A dismissed suggestion is a hint hidden in the editor; readers see nothing change.
  audit: 'read-only',
  run: ({ staff, params, input }) => {
    const result = input.keys !== undefined ? dismissSuggestions({ articleId: params.id, actor: staff, keys: input.keys }) : dismissSuggestion({ articleId: params.id, actor: staff, key: input.key });
    return result.ok ? jsonAnswer(result) : jsonError(400, result.error);
  },
});

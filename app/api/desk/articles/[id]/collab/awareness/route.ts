import { z } from 'zod';
import { shareAwareness } from '@/lib/collab/collab-awareness';
import { collabAwarenessSchema } from '@/lib/collab/collab-awareness-schema';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** Where the caller's caret is in one open editor; the others' streams relay it under the name the server knows them by. */
export const POST = staffEndpoint({
  name: 'article.collab.awareness',
  permission: 'article.edit',
  params,
  input: { body: collabAwarenessSchema, maxBytes: 4096 },
  // A caret is a second of "where someone is typing": it is not history.
  audit: 'read-only',
  run: ({ staff, params, input }) => jsonAnswer({ ok: true, you: shareAwareness({ articleId: params.id, actor: staff, origin: input.origin, caret: input.caret, leaving: input.leaving }) }),
});

import { z } from 'zod';
import { shareAwareness } from '@/lib/collab/collab-awareness';
import { joinCollab, MAX_COLLAB_UPDATE_BYTES, receiveCollabUpdate } from '@/lib/collab/collab-rooms';
import { collabUpdateSchema } from '@/lib/collab/collab-update-schema';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** Joining the shared document: its whole state (base64 Yjs update) and the seq to follow the stream from. */
export const GET = staffEndpoint({
  name: 'article.collab.join',
  permission: 'article.edit',
  params,
  // Opening the shared document changes nothing a person made.
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, ...joinCollab({ articleId: params.id, actor: staff }) }),
});

/** One update from a writer's editor: 200 with its seq, or 422 with the reason and the server's state to start again from. */
export const POST = staffEndpoint({
  name: 'article.collab.update',
  permission: 'article.edit',
  params,
  input: { body: collabUpdateSchema, maxBytes: Math.ceil((MAX_COLLAB_UPDATE_BYTES * 4) / 3) + 1024, tooLarge: 'That change is too large to send at once; paste less at a time.' },
  // The update log names the writer of every update it keeps.
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const receipt = receiveCollabUpdate({ articleId: params.id, actor: staff, update: input.update, origin: input.origin });
    if (receipt.ok && input.caret !== undefined) shareAwareness({ articleId: params.id, actor: staff, origin: input.origin, caret: input.caret });
    if (receipt.ok) return jsonAnswer(receipt);
    return jsonError(422, receipt.error, { kind: 'resync', state: receipt.state, seq: receipt.seq });
  },
});

import { z } from 'zod';
import { checkCollabWriter } from '@/lib/collab/collab-writer';
import { collabStream, COLLAB_STREAM_MS } from '@/lib/collab/collab-stream';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** Server-Sent Events of the updates other writers make after `since`; closes after `wait` ms for the browser to reconnect. */
export const GET = staffEndpoint({
  name: 'article.collab.stream',
  permission: 'article.edit',
  params,
  input: {
    query: z.object({
      since: z.coerce.number().int().min(0).default(0),
      origin: z.string().max(64).default(''),
      wait: z.coerce.number().int().min(0).max(COLLAB_STREAM_MS).default(COLLAB_STREAM_MS),
    }),
  },
  audit: 'read-only',
  run: ({ staff, params, input, request }) => {
    checkCollabWriter({ articleId: params.id, actor: staff });
    const stream = collabStream({ articleId: params.id, actor: staff, since: input.since, origin: input.origin, waitMs: input.wait, signal: request.signal });
    // no-transform: the server does not gzip the stream, where each small event compressed alone costs more than it saves.
    return new Response(stream, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' },
    });
  },
});

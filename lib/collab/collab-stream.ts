import 'server-only';
import type { ArticleAccessRow } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { failureOf } from '@/lib/platform/errors/failure';
import { othersHere, watchAwareness } from './collab-awareness';
import { collabChangesSince, watchCollab } from './collab-rooms';
import { checkCollabWriter, currentCollabWriter } from './collab-writer';

/** How long one stream stays open before the browser reconnects with the last seq it has (proxies drop idle ones). */
export const COLLAB_STREAM_MS = 25_000;
/** How often a stream looks for updates other server processes accepted, and re-checks the writer. */
export const COLLAB_POLL_MS = 250;
export const ACCESS_ENDED = 'You can no longer edit this article here; your account was turned off.';

/**
 * Server-Sent Events of the updates others make after `since`: `update` events (base64 Yjs updates
 * with their seq), `state` when the log no longer reaches back that far, and `closed` with the
 * reason when the writer loses the right to edit (the stream then ends at once). `awareness` carries
 * the other open editors (name, colour, caret) whenever that list changes.
 */
export function collabStream({
  articleId,
  actor,
  since,
  origin,
  waitMs = COLLAB_STREAM_MS,
  signal,
}: {
  articleId: number;
  actor: StaffIdentity;
  since: number;
  origin: string;
  waitMs?: number;
  signal?: AbortSignal;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let seq = since;
  let stopWatching = () => {};
  let stopWatchingCarets = () => {};
  let sentPresence = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isClosed = false;
  let isTickQueued = false;
  const startedAt = Date.now();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: string, data: unknown, id?: number) =>
        controller.enqueue(encoder.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        stopWatching();
        stopWatchingCarets();
        if (timer) clearTimeout(timer);
        controller.close();
      };
      const tick = () => {
        timer = null;
        if (isClosed) return;
        const allowed = articleFor({ articleId, userId: actor.id });
        if (!allowed.ok) {
          send('closed', { error: allowed.error });
          close();
          return;
        }
        const changes = collabChangesSince({ article: allowed.article, since: seq });
        if (changes.kind === 'state') {
          send('state', { seq: changes.seq, state: changes.state }, changes.seq);
          seq = changes.seq;
        } else {
          for (const change of changes.updates) {
            if (change.origin !== origin) send('update', { seq: change.seq, update: Buffer.from(change.update).toString('base64') }, change.seq);
            seq = change.seq;
          }
        }
        const presence = JSON.stringify(othersHere({ articleId, origin }));
        if (presence !== sentPresence) {
          sentPresence = presence;
          controller.enqueue(encoder.encode(`event: awareness\ndata: {"others":${presence}}\n\n`));
        }
        if (Date.now() - startedAt >= waitMs) {
          send('end', { seq });
          close();
          return;
        }
        timer = setTimeout(tick, COLLAB_POLL_MS);
      };
      controller.enqueue(encoder.encode('retry: 1000\n\n'));
      send('ready', { seq });
      const wake = () => {
        if (isTickQueued) return;
        isTickQueued = true;
        if (timer) clearTimeout(timer);
        timer = null;
        queueMicrotask(() => {
          isTickQueued = false;
          tick();
        });
      };
      stopWatching = watchCollab({ articleId, wake });
      stopWatchingCarets = watchAwareness({ articleId, wake });
      signal?.addEventListener('abort', close);
      tick();
    },
    cancel() {
      isClosed = true;
      stopWatching();
      stopWatchingCarets();
      if (timer) clearTimeout(timer);
    },
  });
}

/** The article while the writer, as the database has them now, may still edit it; otherwise why not, in words. */
function articleFor({ articleId, userId }: { articleId: number; userId: number }): { ok: true; article: ArticleAccessRow } | { ok: false; error: string } {
  const writer = currentCollabWriter(userId);
  if (!writer) return { ok: false, error: ACCESS_ENDED };
  try {
    return { ok: true, article: checkCollabWriter({ articleId, actor: writer }) };
  } catch (error) {
    return { ok: false, error: failureOf(error, { context: 'collab.stream' }).error };
  }
}

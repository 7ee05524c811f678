import { z } from 'zod';
import { changeNote } from '@/lib/articles/notes/change-note';
import { listNoteThreads } from '@/lib/articles/notes/list-note-threads';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** Resolves or reopens a thread, or records that its passage was edited away or found again. */
export const PATCH = staffEndpoint({
  name: 'note.change',
  permission: 'article.view',
  params: z.object({ id: idParam, noteId: idParam }),
  input: { body: z.unknown(), maxBytes: 4096 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const result = changeNote({ articleId: params.id, noteId: params.noteId, actor: staff, input });
    if (!result.ok) return jsonError(400, result.error);
    const threads = listNoteThreads({ articleId: params.id, actor: staff });
    return jsonAnswer({ ok: true, threadId: result.threadId, isChanged: result.isChanged, threads });
  },
});

import { z } from 'zod';
import { addNote } from '@/lib/articles/notes/add-note';
import { listNoteThreads } from '@/lib/articles/notes/list-note-threads';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** The article's note threads, newest first. */
export const GET = staffEndpoint({
  name: 'note.list',
  permission: 'article.view',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, threads: listNoteThreads({ articleId: params.id, actor: staff }) }),
});

/** Starts a thread (optionally on a passage) or replies to one; answers with the threads as they now stand. */
export const POST = staffEndpoint({
  name: 'note.add',
  permission: 'article.view',
  params,
  input: { body: z.unknown(), maxBytes: 64 * 1024 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const result = addNote({ articleId: params.id, actor: staff, input });
    if (!result.ok) return jsonError(400, result.error, { fieldErrors: result.fieldErrors ?? {} });
    const threads = listNoteThreads({ articleId: params.id, actor: staff });
    return jsonAnswer({ ok: true, noteId: result.noteId, threadId: result.threadId, threads }, { status: 201 });
  },
});

import { addNote } from '@/lib/articles/notes/add-note';
import { listNoteThreads } from '@/lib/articles/notes/list-note-threads';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The article's note threads, newest first. */
export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const threads = listNoteThreads({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true, threads }, { headers: NO_STORE });
  });
}

/** Starts a thread (optionally on a passage) or replies to one; answers with the threads as they now stand. */
export function POST(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const articleId = Number((await params).id);
    const body = await readJsonBody(request, { maxBytes: 64 * 1024 });
    if (!body.ok) return body.response;
    const result = addNote({ articleId, actor: staff, input: body.value });
    if (!result.ok) return jsonError(400, result.error, { fieldErrors: result.fieldErrors ?? {} });
    const threads = listNoteThreads({ articleId, actor: staff });
    return Response.json({ ok: true, noteId: result.noteId, threadId: result.threadId, threads }, { status: 201, headers: NO_STORE });
  });
}

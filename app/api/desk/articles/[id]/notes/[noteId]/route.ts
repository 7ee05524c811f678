import { changeNote } from '@/lib/articles/notes/change-note';
import { listNoteThreads } from '@/lib/articles/notes/list-note-threads';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string; noteId: string }> };

/** Resolves or reopens a thread, or records that its passage was edited away or found again. */
export function PATCH(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const { id, noteId } = await params;
    const body = await readJsonBody(request, { maxBytes: 4096 });
    if (!body.ok) return body.response;
    const articleId = Number(id);
    const result = changeNote({ articleId, noteId: Number(noteId), actor: staff, input: body.value });
    if (!result.ok) return jsonError(400, result.error);
    const threads = listNoteThreads({ articleId, actor: staff });
    return Response.json({ ok: true, threadId: result.threadId, isChanged: result.isChanged, threads }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

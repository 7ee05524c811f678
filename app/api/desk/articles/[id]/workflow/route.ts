import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { transitionArticle } from '@/lib/articles/transition-article';
import { changesPublicSite } from '@/lib/platform/cache/changes-public-site';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Where the article stands in the workflow, its preflight checklist, and the moves this person may make. */
export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => Response.json({ ok: true, state: getWorkflowState({ id: Number((await params).id), actor: staff }) }, { headers: NO_STORE }));
}

/** Makes one workflow move (`{ action, note?, scheduledFor?, correction? }`); 422 with the reasons when it cannot. */
export function POST(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 64 * 1024 });
    if (!body.ok) return body.response;
    const id = Number((await params).id);
    // What readers could see before the move: an unpublish or a retag takes rows away that only this read still finds.
    const isPublicMove = changesPublicSite(body.value);
    const before = isPublicMove ? readerContentTags({ kind: 'article', articleIds: [id] }) : [];
    const result = transitionArticle({ id, actor: staff, input: body.value });
    if (!result.ok) return jsonError(422, result.error, { problems: result.problems ?? [], fieldErrors: result.fieldErrors ?? {} });
    if (isPublicMove) expireReaderContent({ kind: 'article', articleIds: [id] }, { before });
    return Response.json({ ok: true, state: getWorkflowState({ id, actor: staff }) }, { headers: NO_STORE });
  });
}

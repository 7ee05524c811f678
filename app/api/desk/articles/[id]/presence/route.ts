import { heartbeat, leaveArticle } from '@/lib/articles/article-presence';
import { staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

/** A heartbeat from an open editor; answers with the others who have the article open. */
export function POST(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const others = heartbeat({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true, others }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function DELETE(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    leaveArticle({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true });
  });
}

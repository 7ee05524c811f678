import { searchLinkTargets } from '@/lib/articles/search-link-targets';
import { staffRoute } from '@/lib/platform/http/staff-route';

/** Our own articles and issues for the editor's internal link picker, limited to what the caller may open. */
export function GET(request: Request) {
  return staffRoute((staff) => {
    const query = new URL(request.url).searchParams.get('q') ?? '';
    return Response.json({ ok: true, targets: searchLinkTargets({ actor: staff, query: query.slice(0, 200) }) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

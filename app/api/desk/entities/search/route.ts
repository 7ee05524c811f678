import { searchEntitiesForPicker } from '@/lib/entities/search-entities-for-picker';
import { staffRoute } from '@/lib/platform/http/staff-route';

/** The editor's entity picker: `@` mentions, "Tag as…", and hand-added tags. */
export function GET(request: Request) {
  return staffRoute(() => {
    const query = new URL(request.url).searchParams.get('q') ?? '';
    return Response.json({ ok: true, entities: searchEntitiesForPicker({ query }) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

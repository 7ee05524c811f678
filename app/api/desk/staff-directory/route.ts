import { searchStaffDirectory } from '@/lib/articles/notes/search-staff-directory';
import { staffRoute } from '@/lib/platform/http/staff-route';

/** Active colleagues by name (`?q=`), for mentioning them in a note. */
export function GET(request: Request) {
  return staffRoute((staff) => {
    const query = new URL(request.url).searchParams.get('q') ?? '';
    const staffList = searchStaffDirectory({ actor: staff, query });
    return Response.json({ ok: true, staff: staffList }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

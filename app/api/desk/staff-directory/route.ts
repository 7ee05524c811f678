import { z } from 'zod';
import { searchStaffDirectory } from '@/lib/articles/notes/search-staff-directory';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** Active colleagues by name (`?q=`), for mentioning them in a note. */
export const GET = staffEndpoint({
  name: 'staff.directory',
  permission: 'signed-in',
  input: { query: z.object({ q: z.string().default('') }) },
  audit: 'read-only',
  run: ({ staff, input }) => jsonAnswer({ ok: true, staff: searchStaffDirectory({ actor: staff, query: input.q }) }),
});

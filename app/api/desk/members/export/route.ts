import { memberFiltersSchema } from '@/lib/access/members/member-filters-schema';
import { exportMembersCsv } from '@/lib/access/members/export-members-csv';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** The memberships the list's filters find, as CSV, streamed. */
export const GET = staffEndpoint({
  name: 'membership.export',
  permission: 'member.manage',
  input: { query: memberFiltersSchema },
  audit: ({ staff, input }) => ({ actorId: staff.id, action: 'membership.export', subjectType: 'membership', note: 'Downloaded the members CSV', data: { filters: input } }),
  run: ({ input }) =>
    new Response(exportMembersCsv({ filters: input }), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="members.csv"', 'Cache-Control': 'no-store' },
    }),
});

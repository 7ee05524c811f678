import { z } from 'zod';
import { institutionUsageCsv } from '@/lib/access/institutions/institution-usage';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** One institution's views per month as CSV (`month,views`), for its librarian. */
export const GET = staffEndpoint({
  name: 'institution.usage',
  permission: 'member.manage',
  params: z.object({ id: idParam }),
  audit: 'read-only',
  run: ({ params }) => {
    const institution = listInstitutions().find((row) => row.id === params.id);
    if (!institution) throw new NotFoundError('That institution does not exist, or it has been deleted.');
    return new Response(institutionUsageCsv(institution.id), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="usage-${institution.slug}.csv"`, 'Cache-Control': 'no-store' },
    });
  },
});

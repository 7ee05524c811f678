import { exportRedirectsCsv } from '@/lib/migration/redirects/redirects-csv';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** Every redirect as CSV (from,to,hits,origin), streamed; the same file imports again. */
export const GET = staffEndpoint({
  name: 'redirect.export',
  permission: 'redirect.manage',
  audit: 'read-only',
  run: () =>
    new Response(exportRedirectsCsv(), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="redirects.csv"', 'Cache-Control': 'no-store' },
    }),
});

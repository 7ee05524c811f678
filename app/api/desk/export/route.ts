import { Readable } from 'node:stream';
import { exportZipFileName, streamExportZip } from '@/lib/migration/export/export-zip';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const EXPORT_REFUSALS = { forbidden: 'Only administrators can download the export.' };

/** The whole magazine as a zip, streamed as it is written; the audit log keeps who downloaded it. */
export const GET = staffEndpoint({
  name: 'export.download',
  permission: 'export.download',
  refusals: EXPORT_REFUSALS,
  audit: ({ staff }) => ({ actorId: staff.id, action: 'export.download', subjectType: 'site', note: 'Downloaded the export (zip).' }),
  run: () => {
    const now = new Date();
    const { stream, done } = streamExportZip({ now });
    done.catch((error: unknown) => console.error('The export stopped part way:', error));
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${exportZipFileName(now)}"`,
        'cache-control': 'no-store',
      },
    });
  },
});

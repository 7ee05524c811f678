import { z } from 'zod';
import { getImportRun } from '@/lib/migration/import/import-runs';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';
import { IMPORT_REFUSALS } from '../import-refusals';

/** How far one import has got, for the desk's live progress bar: a small answer, polled. */
export const GET = staffEndpoint({
  name: 'import.progress',
  permission: 'import.run',
  refusals: IMPORT_REFUSALS,
  params: z.object({ id: idParam }),
  audit: 'read-only',
  run: ({ params }) => {
    const run = getImportRun(params.id);
    if (!run) throw new NotFoundError('That import does not exist.');
    return jsonAnswer({
      ok: true,
      run: { id: run.id, status: run.status, isDryRun: run.isDryRun, progressDone: run.progressDone, progressTotal: run.progressTotal, error: run.error },
    });
  },
});

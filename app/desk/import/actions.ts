'use server';

import { z } from 'zod';
import { IMPORT_REFUSALS } from '@/app/api/desk/import/import-refusals';
import { commitDryRun } from '@/lib/migration/import/import-runs';
import { staffAction } from '@/lib/staff/actions/staff-action';

/** “Import for real”: the same file and options as the finished dry run; its page follows the new run. */
export const commitDryRunAction = staffAction({
  name: 'import.commit',
  permission: 'import.run',
  refusals: IMPORT_REFUSALS,
  input: z.object({ runId: z.coerce.number().int().positive() }),
  returnTo: (sent) => `/desk/import/${String(sent.runId ?? '')}`,
  audit: 'in-domain',
  run: ({ staff, input }): { ok: true; redirectTo: string } | { ok: false; error: string } => {
    const { runId } = commitDryRun(input.runId, staff);
    return { ok: true, redirectTo: `/desk/import/${runId}` };
  },
});

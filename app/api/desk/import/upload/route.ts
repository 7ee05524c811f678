import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { startImportRun } from '@/lib/migration/import/import-runs';
import { IMPORT_MAX_BYTES, removeImportFile, storeImportFile, tooLargeSentence } from '@/lib/migration/import/store-import-file';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';
import { IMPORT_REFUSALS } from '../import-refusals';

/**
 * Takes an export as the raw request body (streamed to disk, never held in memory) and starts its
 * dry run. The proxy does not stand in front of this address, as it would buffer and cut a large body.
 */
export const POST = staffEndpoint({
  name: 'import.upload',
  permission: 'import.run',
  refusals: IMPORT_REFUSALS,
  input: {
    query: z.object({
      source: z.enum(['wordpress', 'ghost', 'subscribers'], { message: 'Choose what kind of file this is: WordPress, Ghost or Subscribers.' }),
      fileName: z.string().trim().min(1, 'Name the file.').max(255),
      fetchImages: z.enum(['yes', 'no']).default('yes'),
    }),
  },
  audit: 'in-domain',
  run: async ({ staff, input, request }) => {
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > IMPORT_MAX_BYTES) return jsonError(413, tooLargeSentence(IMPORT_MAX_BYTES));
    if (!request.body) return jsonError(400, 'Choose the export file to upload.');
    const stored = await storeImportFile({ fileName: input.fileName, body: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) });
    if (!stored.ok) return jsonError(stored.status, stored.error);
    if (declared > 0 && stored.bytes !== declared) {
      removeImportFile(stored.filePath);
      return jsonError(400, 'The upload was cut off before it all arrived; nothing was saved. Try again.');
    }
    const { runId } = startImportRun({
      source: input.source,
      fileName: input.fileName,
      filePath: stored.filePath,
      options: { dryRun: true, fetchImages: input.fetchImages === 'yes' },
      actor: staff,
    });
    return jsonAnswer({ ok: true, run: { id: runId } }, { status: 201 });
  },
});

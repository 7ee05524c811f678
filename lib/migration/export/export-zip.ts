import 'server-only';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { exportSite, type ExportResult } from './export-site';
import { zipExportWriter } from './export-writer';

/**
 * The export as a zip stream: entries are written as they are added and image files are read from disk
 * only when their turn comes, so the archive is never held whole in memory. `done` settles when the
 * last entry is queued; a failure ends the stream with that error.
 */
export function streamExportZip({ now = new Date() }: { now?: Date } = {}): { stream: Readable; done: Promise<ExportResult> } {
  const zip = new yazl.ZipFile();
  const stream = zip.outputStream as Readable;
  const done = exportSite({ write: zipExportWriter(zip, { root: '' }), now }).then(
    (result) => {
      zip.end();
      return result;
    },
    (error: unknown) => {
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    },
  );
  return { stream, done };
}

/** The download's file name: the site's export and the day it was made. */
export function exportZipFileName(now: Date): string {
  return `masthead-export-${now.toISOString().slice(0, 10)}.zip`;
}

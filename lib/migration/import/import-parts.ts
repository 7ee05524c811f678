import 'server-only';
import type { ImportSource } from '@/db/schema';
import { openGhostExport } from '@/lib/migration/ghost/open-ghost-export';
import { openSubscribersCsv } from '@/lib/migration/subscribers/open-subscribers-csv';
import { openWordPressExport } from '@/lib/migration/wordpress/open-wordpress-export';
import { importFromReader, type ImportReport } from './import-from-reader';
import type { ImportSourceReader } from './import-model';

/**
 * The readers and the writer an import run calls, in one place so that the run, the job and the
 * command line never name them twice.
 */

export { importFromReader, type ImportReport };

export type ImportMediaOptions = { mediaDir?: string; fetchImages: boolean; fetchTimeoutMs?: number };

export type ImportWriter = typeof importFromReader;

/** Opens a file for reading; `fileName` is the name it was uploaded under (a Mailchimp export's status is in its name). */
export type ImportReaderOpener = (filePath: string, context?: { fileName?: string }) => ImportSourceReader;

/** The reader for each kind of file the desk and the command line take. */
export const IMPORT_READERS: Partial<Record<ImportSource, ImportReaderOpener>> = {
  wordpress: (filePath) => openWordPressExport(filePath),
  ghost: (filePath) => openGhostExport(filePath),
  subscribers: (filePath, context) => openSubscribersCsv(filePath, { fileName: context?.fileName }),
};

import 'server-only';
import type { ImportCounts, ImportSource } from '@/db/schema';
import type { ImportSourceReader, ImportWarning } from './import-model';

/**
 * The readers and the writer an import run calls, in one place so that the run, the job and the
 * command line never name them twice. Until the WordPress, Ghost and subscriber readers and the
 * writer are in place, each answers that it is not available; replace each with its real import.
 */

export type ImportReport = { counts: ImportCounts; warnings: ImportWarning[] };

export type ImportMediaOptions = { mediaDir?: string; fetchImages: boolean; fetchTimeoutMs?: number };

export type ImportWriter = (input: {
  reader: ImportSourceReader;
  dryRun: boolean;
  actorId: number | null;
  media: ImportMediaOptions;
  onProgress?: (done: number, total: number) => void;
}) => Promise<ImportReport>;

export type ImportReaderOpener = (filePath: string) => ImportSourceReader;

export const openWordPressExport: ImportReaderOpener = () => notAvailable('The WordPress importer');
export const openGhostExport: ImportReaderOpener = () => notAvailable('The Ghost importer');
export const openSubscribersCsv: ImportReaderOpener = () => notAvailable('The subscriber importer');
export const importFromReader: ImportWriter = async () => notAvailable('The import writer');

/** The reader for each kind of file the desk and the command line take. */
export const IMPORT_READERS: Partial<Record<ImportSource, ImportReaderOpener>> = {
  wordpress: (filePath) => openWordPressExport(filePath),
  ghost: (filePath) => openGhostExport(filePath),
  subscribers: (filePath) => openSubscribersCsv(filePath),
};

function notAvailable(what: string): never {
  throw new Error(`${what} is not available in this build.`);
}

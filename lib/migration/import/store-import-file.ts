import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getConfig } from '@/lib/platform/config/get-config';

/** The largest export the desk takes: a twenty-year archive's WXR is a few hundred megabytes. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

export type StoredImportFile = { ok: true; filePath: string; bytes: number } | { ok: false; status: 400 | 413; error: string };

/** Where uploaded exports are kept while their runs last. */
export function importFilesDir(): string {
  return path.join(getConfig().dataDir, 'imports');
}

/**
 * Streams an uploaded export to the imports folder under a name of our own (the sender's name only
 * as a readable tail), stopping and removing the partial file once it passes `maxBytes`.
 */
export async function storeImportFile({ fileName, body, maxBytes = IMPORT_MAX_BYTES }: { fileName: string; body: Readable; maxBytes?: number }): Promise<StoredImportFile> {
  const folder = importFilesDir();
  fs.mkdirSync(folder, { recursive: true });
  const filePath = path.join(folder, `${randomUUID()}-${safeFileName(fileName)}`);
  let bytes = 0;
  let isTooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        isTooLarge = true;
        done(new Error('too large'));
        return;
      }
      done(null, chunk);
    },
  });
  const writer = fs.createWriteStream(filePath, { flags: 'wx' });
  try {
    await pipeline(body, counter, writer);
  } catch {
    // The file may still be opening when the upload fails: remove it only once the stream has let it go.
    if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
    fs.rmSync(filePath, { force: true });
    if (isTooLarge) return { ok: false, status: 413, error: tooLargeSentence(maxBytes) };
    return { ok: false, status: 400, error: 'The upload was cut off before it arrived; nothing was saved. Try again.' };
  }
  if (bytes === 0) {
    fs.rmSync(filePath, { force: true });
    return { ok: false, status: 400, error: 'The file is empty; choose the export file again.' };
  }
  return { ok: true, filePath, bytes };
}

export function tooLargeSentence(maxBytes: number): string {
  return `The file is larger than ${describeBytes(maxBytes)}, the most an import takes; nothing was saved.`;
}

/** Removes a kept upload once nothing needs it; files named on the command line are never touched. */
export function removeImportFile(filePath: string): void {
  if (path.dirname(path.resolve(filePath)) !== importFilesDir()) return;
  fs.rmSync(filePath, { force: true });
}

function safeFileName(fileName: string): string {
  const base = path.basename(fileName.replaceAll('\\', '/'));
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(-80);
  return cleaned || 'export';
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getDb, getSqlite } from '@/db/client';
import { settings } from '@/db/schema';

export type BackupRecord = { at: string; file: string; bytes: number };

export const LAST_BACKUP_SETTING = 'lastBackup';

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database to `file` with SQLite's online backup (readers and writers carry on
 * meanwhile, and the copy is one consistent moment), then checks the copy with `integrity_check`
 * and records when it was made. An existing file is never overwritten.
 */
export async function backupDatabase({ file }: { file: string }): Promise<BackupRecord> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name (backups are never overwritten).`);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new BackupError(`The folder ${folder} does not exist; create it first.`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  // All remaining pages in one step: the file is in WAL mode, so writers carry on during the copy, while small
  // steps would start over after every write another process makes and might never finish on a busy site.
  await getSqlite().backup(partial, { progress: () => ALL_PAGES });
  const problem = checkDatabaseFile(partial);
  if (problem) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The backup failed its integrity check (${problem}); the live database was not changed. Try again.`);
  }
  fs.renameSync(partial, target);
  const record: BackupRecord = { at: new Date().toISOString(), file: target, bytes: fs.statSync(target).size };
  getDb().insert(settings).values({ key: LAST_BACKUP_SETTING, value: record }).onConflictDoUpdate({ target: settings.key, set: { value: record } }).run();
  return record;
}

/** Null when `file` is a sound Masthead database; otherwise what is wrong with it, in words. */
export function checkDatabaseFile(file: string): string | null {
  if (!fs.existsSync(file)) return `${file} does not exist`;
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `it cannot be opened as SQLite: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `integrity_check says: ${String(integrity)}`;
    const tables = new Set((copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    for (const required of ['articles', 'revisions', 'users', '__drizzle_migrations']) {
      if (!tables.has(required)) return `it has no ${required} table, so it is not a Masthead database`;
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    copy.close();
  }
}

export class BackupError extends Error {
  override name = 'BackupError';
}

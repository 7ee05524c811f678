import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, checkDatabaseFile } from './backup-database';

/**
 * Replaces the database at `databasePath` with a checked backup. The server must be stopped: the
 * current file (with its WAL) is first kept beside it as `<name>.before-restore-<time>`, so a
 * restore can itself be undone. Returns where the previous database was kept (null if there was none).
 */
export async function restoreDatabase({ file, databasePath }: { file: string; databasePath: string }): Promise<{ keptPrevious: string | null }> {
  const source = path.resolve(file);
  const problem = checkDatabaseFile(source);
  if (problem) throw new BackupError(`${source} cannot be restored: ${problem}. Nothing was changed.`);
  const target = path.resolve(databasePath);
  if (source === target) throw new BackupError('That file is the live database itself; choose a backup file.');

  // Write the new file beside the target first, so a failure midway leaves the live database untouched.
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  const reader = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await reader.backup(incoming);
  } finally {
    reader.close();
  }
  const recheck = checkDatabaseFile(incoming);
  if (recheck) {
    fs.rmSync(incoming, { force: true });
    throw new BackupError(`The copy failed its check (${recheck}); nothing was changed.`);
  }

  let keptPrevious: string | null = null;
  if (fs.existsSync(target)) {
    keptPrevious = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Checkpoint the old file so its WAL is inside it, then keep it.
    const old = new Database(target);
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    fs.renameSync(target, keptPrevious);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return { keptPrevious };
}

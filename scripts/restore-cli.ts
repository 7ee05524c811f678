import { getConfig } from '@/lib/platform/config/get-config';
import { BackupError } from '@/lib/platform/backup/backup-database';
import { restoreDatabase } from '@/lib/platform/backup/restore-database';

/** `npm run db:restore -- <file>`: replaces the database with a checked backup. Stop the app first. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Name the backup to restore: npm run db:restore -- backups/masthead-2026-05-03.db (stop the app first).');
    return 2;
  }
  try {
    const { databasePath } = getConfig();
    const { keptPrevious } = await restoreDatabase({ file, databasePath });
    console.log(`Restored ${file} to ${databasePath}.${keptPrevious ? ` The previous database is kept at ${keptPrevious}.` : ''} Start the app again.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code));

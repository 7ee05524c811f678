import { backupDatabase, BackupError } from '@/lib/platform/backup/backup-database';
import { runCommand } from './run-command';

/** `npm run db:backup -- <file>`: an online, checked copy of the database, safe while the app runs. */
runCommand(async () => {
  const file = process.argv[2];
  if (!file) {
    console.error('Name the backup file: npm run db:backup -- backups/masthead-2026-05-03.db');
    return 2;
  }
  try {
    const record = await backupDatabase({ file });
    console.log(`Backed up to ${record.file} (${(record.bytes / 1024 / 1024).toFixed(1)} MB), integrity ok.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
});

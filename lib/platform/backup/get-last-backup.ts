import 'server-only';
import { readSetting } from '@/lib/platform/settings/site-settings';
import { LAST_BACKUP_SETTING, type BackupRecord } from './backup-database';

/** When the last backup was made (by `npm run db:backup`), or null if never. */
export function getLastBackup(): BackupRecord | null {
  const value = readSetting(LAST_BACKUP_SETTING) as Partial<BackupRecord> | undefined;
  if (!value || typeof value.at !== 'string' || typeof value.file !== 'string') return null;
  return { at: value.at, file: value.file, bytes: Number(value.bytes ?? 0) };
}

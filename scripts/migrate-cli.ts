import { closeDb, DatabaseStartupError, getDb } from '@/db/client';
import { getConfig } from '@/lib/platform/config/get-config';

/** `npm run db:migrate`: opening the database applies any pending migrations. */
try {
  getDb();
  console.log(`Database at ${getConfig().databasePath} is up to date.`);
  closeDb();
} catch (error) {
  console.error(error instanceof DatabaseStartupError ? error.message : error);
  process.exit(1);
}

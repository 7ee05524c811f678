import Database from 'better-sqlite3';
import { DEMO_SERVER } from './servers';

/** Reads the demo server's database, read-only, for what a page should show; closes it afterwards. */
export function readDemoDatabase<T>(read: (database: Database.Database) => T, server: { databasePath: string } = DEMO_SERVER): T {
  const database = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return read(database);
  } finally {
    database.close();
  }
}

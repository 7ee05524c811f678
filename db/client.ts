import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databasePathFrom } from './database-path';
import { withStatementCache } from './statement-cache';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

type Connection = { db: Db; sqlite: Database.Database; path: string };

/** A problem that stops the server at start; its message is one sentence a person can act on. */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

// Survives hot reloads in development, so one process keeps one connection.
const globalForDb = globalThis as unknown as { mastheadDb?: Connection };

/** The one way to the database; opens it (and applies migrations) on first use. */
export function getDb(): Db {
  return getConnection().db;
}

export function getSqlite(): Database.Database {
  return getConnection().sqlite;
}

export function closeDb(): void {
  globalForDb.mastheadDb?.sqlite.close();
  globalForDb.mastheadDb = undefined;
}

let lastResolved: { setting: string | undefined; cwd: string; path: string } | undefined;

/** `databasePathFrom()`, worked out again only when the setting or the working folder changed (it is asked on every query). */
function wantedPath(): string {
  const setting = process.env.DATABASE_PATH;
  const cwd = process.cwd();
  if (!lastResolved || lastResolved.setting !== setting || lastResolved.cwd !== cwd) lastResolved = { setting, cwd, path: databasePathFrom() };
  return lastResolved.path;
}

function getConnection(): Connection {
  const wanted = wantedPath();
  const open = globalForDb.mastheadDb;
  if (open && open.path === wanted) return open;
  if (open) closeDb();
  const connection = openDatabase({ databasePath: wanted });
  globalForDb.mastheadDb = connection;
  return connection;
}

export function openDatabase({
  databasePath,
  migrationsFolder = MIGRATIONS_FOLDER,
}: {
  databasePath: string;
  migrationsFolder?: string;
}): Connection {
  ensureWritableLocation(databasePath);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(databasePath);
  } catch (error) {
    throw new DatabaseStartupError(
      `Cannot open the database at ${databasePath} (${describe(error)}); set DATABASE_PATH to a writable location.`,
    );
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    sqlite.close();
    throw new DatabaseStartupError(
      `The file at ${databasePath} is not a usable SQLite database (${describe(error)}); restore it from a backup or set DATABASE_PATH to another file.`,
    );
  }
  const db = startTransactionsImmediately(drizzle(withStatementCache(sqlite), { schema }));
  try {
    // drizzle applies all pending migrations in one transaction: a failure leaves the file as it was.
    migrate(db, { migrationsFolder });
  } catch (error) {
    sqlite.close();
    throw new DatabaseStartupError(
      `Applying the database migrations to ${databasePath} failed (${describe(error)}); the database was left unchanged.`,
    );
  }
  return { db, sqlite, path: databasePath };
}

function ensureWritableLocation(databasePath: string): void {
  const folder = path.dirname(databasePath);
  try {
    makeFolder(folder);
  } catch (error) {
    throw new DatabaseStartupError(
      `Cannot create the folder ${folder} for the database (${describe(error)}); set DATABASE_PATH to a writable location.`,
    );
  }
  const target = fs.existsSync(databasePath) ? databasePath : folder;
  try {
    fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new DatabaseStartupError(
      `The database location ${target} is not writable by this process; fix its permissions or set DATABASE_PATH to a writable location.`,
    );
  }
}

// Not fs.mkdirSync's own recursive mode: it can spin forever on special filesystems such as /proc.
function makeFolder(folder: string): void {
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory()) throw new Error(`${folder} is a file, not a folder`);
    return;
  }
  const parent = path.dirname(folder);
  if (parent !== folder) makeFolder(parent);
  fs.mkdirSync(folder);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\.$/, '');
}

/**
 * Every transaction begins IMMEDIATE: it takes the write lock at BEGIN, waiting up to the busy timeout
 * for another process (the worker, a CLI) to finish. A deferred transaction that read first and then
 * wrote would instead fail at once with "database is locked" when someone else had committed meanwhile.
 */
function startTransactionsImmediately(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as Db['transaction'];
  return db;
}

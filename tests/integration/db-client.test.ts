import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DatabaseStartupError, getSqlite, openDatabase } from '@/db/client';
import { makeTempFolder } from '../factories/temp-database';

const folders: string[] = [];
function tempFolder(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  return folder;
}

afterEach(() => {
  closeDb();
  delete process.env.DATABASE_PATH;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('database client', () => {
  it('creates the folder and file, applies every migration, and sets WAL, foreign keys and a busy timeout', () => {
    const databasePath = path.join(tempFolder(), 'nested', 'masthead.db');
    process.env.DATABASE_PATH = databasePath;
    const sqlite = getSqlite();
    expect(fs.existsSync(databasePath)).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name);
    for (const table of ['users', 'articles', 'revisions', 'sections', 'issues', 'entities', 'entity_aliases', 'article_entities', 'article_authors', 'audit_log']) {
      expect(tables).toContain(table);
    }
  });

  it('enforces foreign keys', () => {
    process.env.DATABASE_PATH = path.join(tempFolder(), 'masthead.db');
    expect(() => getSqlite().prepare("insert into entity_aliases (entity_id, alias, normalized) values (999, 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
  });

  it('refuses a file that is not a SQLite database with one sentence naming the file', () => {
    const databasePath = path.join(tempFolder(), 'corrupt.db');
    fs.writeFileSync(databasePath, 'this is not a database, just some text that happens to be long enough '.repeat(100));
    let caught: unknown;
    try {
      openDatabase({ databasePath });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseStartupError);
    const message = (caught as Error).message;
    expect(message).toContain(databasePath);
    expect(message).toContain('not a usable SQLite database');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('refuses a location where the database cannot be created', () => {
    const folder = tempFolder();
    const blocker = path.join(folder, 'a-file');
    fs.writeFileSync(blocker, 'in the way');
    expect(() => openDatabase({ databasePath: path.join(blocker, 'masthead.db') })).toThrow(DatabaseStartupError);
    expect(() => openDatabase({ databasePath: path.join(blocker, 'masthead.db') })).toThrow(/set DATABASE_PATH to a writable location/);
  });

  it('refuses a folder that cannot be made, such as one inside /proc', () => {
    expect(() => openDatabase({ databasePath: '/proc/masthead-test/masthead.db' })).toThrow(/Cannot create the folder \/proc\/masthead-test/);
  });

  it('leaves the database exactly as it was when a migration fails', () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'masthead.db');
    openDatabase({ databasePath }).sqlite.close();
    const before = new Database(databasePath);
    before.prepare("insert into sections (name, slug) values ('News', 'news')").run();
    const schemaBefore = before.prepare('select sql from sqlite_master order by name').all();
    before.close();

    const migrations = path.join(folder, 'migrations');
    fs.cpSync(path.join(process.cwd(), 'drizzle'), migrations, { recursive: true });
    const journalPath = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(migrations, '9999_broken.sql'),
      'ALTER TABLE `sections` ADD `colour` text;\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);\n',
    );

    expect(() => openDatabase({ databasePath, migrationsFolder: migrations })).toThrow(/migrations .* failed .* left unchanged/);
    const after = new Database(databasePath);
    expect(after.prepare('select sql from sqlite_master order by name').all()).toEqual(schemaBefore);
    expect(after.prepare('select name from sections').all()).toEqual([{ name: 'News' }]);
    after.close();
  });
});

import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { backupDatabase, checkDatabaseFile, LAST_BACKUP_SETTING } from '@/lib/platform/backup/backup-database';
import { restoreDatabase } from '@/lib/platform/backup/restore-database';
import { readSetting } from '@/lib/platform/settings/site-settings';
import { createTestArticle } from '../factories/article';
import { makeTempFolder, withTempDatabase } from '../factories/temp-database';

const database = withTempDatabase();
const run = promisify(execFile);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  return folder;
}

function titlesIn(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare('select title from articles order by id').all() as { title: string }[]).map((row) => row.title);
  } finally {
    sqlite.close();
  }
}

describe('backup', () => {
  it('copies the live database, checks the copy, and records when it was made', async () => {
    createTestArticle({ title: 'Kept in the backup' });
    const file = path.join(newFolder(), 'backup.db');
    const record = await backupDatabase({ file });
    expect(record.file).toBe(file);
    expect(checkDatabaseFile(file)).toBeNull();
    expect(titlesIn(file)).toEqual(['Kept in the backup']);
    expect(readSetting(LAST_BACKUP_SETTING)).toMatchObject({ file, bytes: record.bytes });
  });

  it('never overwrites an existing file', async () => {
    const file = path.join(newFolder(), 'backup.db');
    fs.writeFileSync(file, 'precious');
    await expect(backupDatabase({ file })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('works from the command line while another process keeps writing, and the copy is consistent', { timeout: 60_000 }, async () => {
    createTestArticle({ title: 'Before the backup' });
    closeDb();
    // A writer in another process, as the running app would be: one article every few milliseconds until it is
    // told to stop, so it is still writing however long the command takes to start.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const db=new D(process.argv[1]);db.pragma('busy_timeout=5000');
         const body=JSON.stringify({type:'doc',content:[]});let n=0;
         const write=()=>{n++;db.prepare("insert into articles (slug,title,body) values (?,?,?)").run('w-'+n,'Written '+n,body);if(n===1)process.stdout.write('writing\\n');};
         const t=setInterval(write,10);
         process.stdin.on('data',()=>{clearInterval(t);db.close();process.stdout.write('wrote '+n+'\\n');process.exit(0);});`,
        database.path(),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    // Listened for from the start: a slow command must not let the writer's exit pass unseen.
    const writerExited = once(writer, 'exit');
    const writerOutput = collectOutput(writer);
    await waitFor(() => writerOutput().includes('writing'));
    const file = path.join(newFolder(), 'online.db');
    const { stdout } = await run('npm', ['run', '--silent', 'db:backup', '--', file], { env: { ...process.env, DATABASE_PATH: database.path() } });
    expect(stdout).toContain('integrity ok');
    await new Promise((resolve) => setTimeout(resolve, 50));
    writer.stdin.end('stop\n');
    await writerExited;
    const written = Number(/wrote (\d+)/.exec(writerOutput())?.[1]);
    expect(checkDatabaseFile(file)).toBeNull();
    const copied = titlesIn(file);
    expect(copied[0]).toBe('Before the backup');
    // The copy is one moment: the writer's rows in it are a gap-free run 1..k, and the writer went on after it.
    const numbers = copied.slice(1).map((title) => Number(title.replace('Written ', '')));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    expect(written).toBeGreaterThan(numbers.length);
    expect(titlesIn(database.path())).toHaveLength(written + 1);
  });
});

/** Everything a child process has written to its standard output so far. */
function collectOutput(child: ChildProcessByStdio<Writable, Readable, null>): () => string {
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The writer process did not start writing in time.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('restore', () => {
  it('replaces the database with a checked backup and keeps the previous one beside it', async () => {
    createTestArticle({ title: 'In the backup' });
    const file = path.join(newFolder(), 'backup.db');
    await backupDatabase({ file });
    createTestArticle({ title: 'Written after the backup' });
    closeDb();
    const { keptPrevious } = await restoreDatabase({ file, databasePath: database.path() });
    expect(titlesIn(database.path())).toEqual(['In the backup']);
    expect(keptPrevious && titlesIn(keptPrevious)).toEqual(['In the backup', 'Written after the backup']);
    expect(getDb().select({ title: articles.title }).from(articles).all()).toEqual([{ title: 'In the backup' }]);
  });

  it('refuses a file that is not a sound Masthead database and changes nothing', async () => {
    createTestArticle({ title: 'Still here' });
    closeDb();
    const folder = newFolder();
    const garbage = path.join(folder, 'garbage.db');
    fs.writeFileSync(garbage, 'SQLite format 3\0 but not really');
    const stranger = path.join(folder, 'stranger.db');
    new Database(stranger).exec('create table notes (id integer)');
    await expect(restoreDatabase({ file: garbage, databasePath: database.path() })).rejects.toThrow(/cannot be restored/);
    await expect(restoreDatabase({ file: stranger, databasePath: database.path() })).rejects.toThrow(/not a Masthead database/);
    expect(titlesIn(database.path())).toEqual(['Still here']);
  });
});

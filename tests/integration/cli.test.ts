import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempFolder } from '../factories/temp-database';

const run = promisify(execFile);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newDatabasePath(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  return path.join(folder, 'masthead.db');
}

async function npmScript(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', ...args], {
      env: { ...process.env, ...env },
      cwd: process.cwd(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function countRows(databasePath: string, table: string): number {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    return (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

describe('command-line scripts', () => {
  it('db:seed loads the demo magazine, prints the demo accounts, and with --if-empty leaves a filled database alone', async () => {
    const DATABASE_PATH = newDatabasePath();
    const first = await npmScript('db:seed', [], { DATABASE_PATH });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('admin@demo.masthead');
    expect(first.stdout).toContain('masthead-demo');
    const articles = countRows(DATABASE_PATH, 'articles');
    expect(articles).toBeGreaterThanOrEqual(8);

    const again = await npmScript('db:seed', ['--if-empty'], { DATABASE_PATH });
    expect(again.code).toBe(0);
    expect(countRows(DATABASE_PATH, 'articles')).toBe(articles);

    const refused = await npmScript('db:seed', [], { DATABASE_PATH });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already has content');
  }, 60_000);

  it('admin:create makes an administrator, and refuses bad input with a message', async () => {
    const DATABASE_PATH = newDatabasePath();
    const created = await npmScript('admin:create', ['--name', 'Ada Admin', '--email', 'ada@example.org'], {
      DATABASE_PATH,
      ADMIN_PASSWORD: 'a long enough password',
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Administrator ada@example.org created');
    const sqlite = new Database(DATABASE_PATH, { readonly: true });
    expect(sqlite.prepare('select email, role from users').all()).toEqual([{ email: 'ada@example.org', role: 'admin' }]);
    sqlite.close();

    const bad = await npmScript('admin:create', ['--name', 'Bob', '--email', 'bob@example.org'], { DATABASE_PATH, ADMIN_PASSWORD: 'short' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Use at least 10 characters');
    expect(countRows(DATABASE_PATH, 'users')).toBe(1);
  }, 60_000);

  it('db:migrate reports a corrupt file in one sentence, without a stack trace', async () => {
    const DATABASE_PATH = newDatabasePath();
    fs.writeFileSync(DATABASE_PATH, 'not a database '.repeat(500));
    const result = await npmScript('db:migrate', [], { DATABASE_PATH });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('is not a usable SQLite database');
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  }, 60_000);
});

describe('npm run integration:create', () => {
  it('adds an integration and prints the key stored for it; without a name it says what to type and adds nothing', async () => {
    const databasePath = newDatabasePath();
    const created = await npmScript('integration:create', ['Newsletter', 'archive'], { DATABASE_PATH: databasePath });
    expect(created.code).toBe(0);
    const sqlite = new Database(databasePath, { readonly: true });
    const row = sqlite.prepare('select name, content_key as key from integrations').get() as { name: string; key: string };
    sqlite.close();
    expect(row.name).toBe('Newsletter archive');
    expect(created.stdout).toContain(`Content API key: ${row.key}`);
    const refused = await npmScript('integration:create', [], { DATABASE_PATH: databasePath });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Give the integration a name');
    expect(countRows(databasePath, 'integrations')).toBe(1);
  }, 60_000);
});

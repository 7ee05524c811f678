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

function newFolder(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  return folder;
}

async function importCommand(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'import', '--', ...args], { env: { ...process.env, ...env }, cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run import', () => {
  it('answers a missing or unknown kind, a missing file or an unknown option with the usage and exit code 2', async () => {
    const DATABASE_PATH = path.join(newFolder(), 'masthead.db');
    for (const args of [[], ['drupal', 'export.xml'], ['wordpress'], ['wordpress', 'export.xml', '--media-dir'], ['ghost', 'export.json', '--colour']]) {
      const answer = await importCommand(args, { DATABASE_PATH });
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stderr).toContain('npm run import -- wordpress <export.xml> [--dry-run] [--media-dir <dir>] [--no-fetch]');
    }
    const missing = await importCommand(['subscribers', '/nowhere/members.csv'], { DATABASE_PATH });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file at /nowhere/members.csv');
  }, 60_000);

  it('ends with exit code 1 and the run’s own sentence when the file cannot be imported, and keeps the failed run', async () => {
    const folder = newFolder();
    const DATABASE_PATH = path.join(folder, 'masthead.db');
    const notAnExport = path.join(folder, 'notes.txt');
    fs.writeFileSync(notAnExport, 'Shopping: milk, bread.\n');
    const answer = await importCommand(['wordpress', notAnExport, '--dry-run', '--no-fetch'], { DATABASE_PATH });
    expect(answer.code).toBe(1);
    const sqlite = new Database(DATABASE_PATH, { readonly: true });
    const saved = sqlite.prepare('select status, error, is_dry_run as isDryRun, options from import_runs').all() as { status: string; error: string; isDryRun: number; options: string }[];
    sqlite.close();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'failed', isDryRun: 1 });
    expect(JSON.parse(saved[0]!.options)).toMatchObject({ fetchImages: false });
    expect(answer.stderr).toContain(`Import failed: ${saved[0]!.error}`);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

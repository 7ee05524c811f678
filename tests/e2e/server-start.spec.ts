import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Starts `npm start` (scripts/start-server.mjs) on a database of our choosing and collects what it prints until it exits. */
function startServer({ databasePath, port }: { databasePath: string; port: number }) {
  const child = spawn(process.execPath, ['scripts/start-server.mjs', '-p', String(port)], {
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), MASTHEAD_WORKER: 'off' },
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // npx starts the server as a child of its own: stop the whole process group.
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // Next's own notices about its configuration (lines starting with ⚠) are not ours to judge here.
  const ownLines = () => stderr.trim().split('\n').filter((line) => !line.includes('⚠'));
  return { exited, stop, lines: ownLines };
}

test.describe('starting the server on a bad database', () => {
  let folder = '';
  test.beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-start-'));
  });
  test.afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a corrupt database file stops the start with one clear sentence and no stack trace', async () => {
    const databasePath = path.join(folder, 'masthead.db');
    fs.writeFileSync(databasePath, Buffer.alloc(8192, 7));
    const server = startServer({ databasePath, port: 3192 });
    const code = await Promise.race([server.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    server.stop();
    expect(code).toBe(1);
    expect(server.lines()).toEqual([expect.stringMatching(/^Masthead cannot start: The file at .*masthead\.db is not a usable SQLite database/)]);
  });

  test('an unwritable location stops the start and says to set DATABASE_PATH', async () => {
    const server = startServer({ databasePath: '/proc/masthead-e2e/masthead.db', port: 3193 });
    const code = await Promise.race([server.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    server.stop();
    expect(code).toBe(1);
    expect(server.lines()).toEqual([expect.stringContaining('set DATABASE_PATH to a writable location')]);
  });
});

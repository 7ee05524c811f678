import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { closeDb, getDb } from '@/db/client';

/** Gives each test in the file its own new SQLite file, migrated, and removes it afterwards. */
export function withTempDatabase(): { path: () => string } {
  let folder = '';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
    process.env.DATABASE_PATH = path.join(folder, 'masthead.db');
    closeDb();
    getDb();
  });
  afterEach(() => {
    closeDb();
    delete process.env.DATABASE_PATH;
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return { path: () => path.join(folder, 'masthead.db') };
}

export function makeTempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
}

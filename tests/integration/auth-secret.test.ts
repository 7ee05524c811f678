import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAuthSecret } from '@/lib/staff/auth/auth-secret';
import { makeTempFolder } from '../factories/temp-database';

let folder = '';
const savedSecret = process.env.AUTH_SECRET;

beforeEach(() => {
  folder = makeTempFolder();
  process.env.DATABASE_PATH = path.join(folder, 'masthead.db');
  delete process.env.AUTH_SECRET;
});
afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
  delete process.env.DATABASE_PATH;
  if (savedSecret) process.env.AUTH_SECRET = savedSecret;
});

describe('getAuthSecret', () => {
  it('generates a secret once into the data folder, readable only by its owner, and keeps it', () => {
    const first = getAuthSecret();
    const file = path.join(folder, 'auth-secret');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(getAuthSecret()).toBe(first);
  });

  it('prefers AUTH_SECRET from the environment and writes nothing', () => {
    process.env.AUTH_SECRET = 'from-the-environment-0123456789abcdef';
    expect(getAuthSecret()).toBe('from-the-environment-0123456789abcdef');
    expect(fs.existsSync(path.join(folder, 'auth-secret'))).toBe(false);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../bench/support/bench-stats';
import { startApp, type AppProcess } from './app-process';

const EMPTY_PORT = 3261;
const started: AppProcess[] = [];

/** The app on a database with no account at all (made on first use), for calls only such a site accepts. */
export async function startEmptyApp(): Promise<{ url: string; databasePath: string }> {
  const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-authorization-empty', `${started.length}`, 'masthead.db');
  fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const app = await startApp({ port: EMPTY_PORT + started.length, databasePath, env: { MASTHEAD_WORKER: 'off' } });
  started.push(app);
  return { url: app.url, databasePath };
}

export async function stopEmptyApps(): Promise<void> {
  await Promise.all(started.splice(0).map((app) => app.stop()));
}

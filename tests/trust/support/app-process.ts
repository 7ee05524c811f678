import { execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../bench/support/bench-stats';

export const TRUST_AUTH_SECRET = 'trust-harness-secret-not-used-anywhere-else-0123456789';

export type AppProcess = {
  url: string;
  /** SIGKILL to the whole process group: no shutdown code runs, as in a power cut of the process. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop: () => Promise<void>;
  output: () => string;
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/** Builds the app once unless a production build is already there. */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(REPO_ROOT, '.next/BUILD_ID')) && process.env.TRUST_REBUILD !== '1') return;
  execSync('npx next build', { cwd: REPO_ROOT, stdio: 'inherit', env: productionEnv({}) });
}

/** Loads the demo magazine into a new database file at `databasePath` (its folder is emptied first). */
export function seedDemo(databasePath: string): void {
  fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  execSync('npm run --silent db:seed', { cwd: REPO_ROOT, stdio: 'ignore', env: productionEnv({ DATABASE_PATH: databasePath }) });
}

/** `npm start` (scripts/start-server.mjs) on an existing database (kept across restarts), in a process group of its own. */
export async function startApp({ port, databasePath, env = {} }: { port: number; databasePath: string; env?: Record<string, string> }): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start-server.mjs'), '-H', '127.0.0.1', '-p', String(port)], {
    cwd: REPO_ROOT,
    env: productionEnv({ DATABASE_PATH: databasePath, SITE_URL: url, AUTH_SECRET: TRUST_AUTH_SECRET, ...env }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const finish = async (signal: NodeJS.Signals) => {
    signalGroup(child, signal);
    await Promise.race([exited, delay(10_000)]);
    if (isGroupAlive(child)) signalGroup(child, 'SIGKILL');
    for (let waited = 0; isGroupAlive(child) && waited < 5_000; waited += 50) await delay(50);
    running.delete(child);
  };
  const app: AppProcess = { url, kill: () => finish('SIGKILL'), stop: () => finish('SIGTERM'), output: () => lines.join('\n') };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The app exited before answering:\n${app.output()}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return app;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  await app.kill();
  throw new Error(`The app did not answer ${url}/api/health within 60 s:\n${app.output()}`);
}

function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));
  return { ...inherited, ...extra } as NodeJS.ProcessEnv;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function isGroupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './bench-stats';

export type BenchServer = {
  url: string;
  /** Stops the server and everything it started; safe to call more than once. */
  stop: () => Promise<void>;
  /** The last lines the server (and its build) wrote, for failure messages. */
  output: () => string;
};

const OUTPUT_LINES_KEPT = 200;
const running = new Set<ChildProcess>();

// Last resort if the test process ends without afterAll (a crash, process.exit): no server is left behind.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/**
 * The production server on a fresh demo database, started the way the end-to-end suite starts it
 * (`tests/e2e/support/start-server.mjs --build --seed`), in a process group of its own so that
 * stopping it stops `next start` too. Builds first unless `E2E_SKIP_BUILD=1` and a build exists.
 */
export async function startBenchServer({
  port,
  databasePath,
  startTimeoutMs = 420_000,
  env: extraEnv = {},
}: {
  port: number;
  databasePath: string;
  startTimeoutMs?: number;
  /** More settings for the server, e.g. `EDGE_PURGE_URLS`. */
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const url = `http://127.0.0.1:${port}`;
  await assertPortFree(port);

  const hasBuild = fs.existsSync(path.join(REPO_ROOT, '.next/BUILD_ID'));
  const skipBuild = process.env.E2E_SKIP_BUILD === '1' && hasBuild;
  // The test runner sets NODE_ENV=test, which a production build and server must not inherit.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(port),
    DATABASE_PATH: databasePath,
    SITE_URL: url,
    AUTH_SECRET: 'bench-only-secret-not-used-anywhere-else-0123456789',
    E2E_SKIP_BUILD: skipBuild ? '1' : '0',
    ...extraEnv,
  };

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
  };
  const child = spawn(process.execPath, ['tests/e2e/support/start-server.mjs', '--build', '--seed'], {
    cwd: REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (isGroupAlive(child)) {
        killGroup(child, 'SIGTERM');
        await Promise.race([exited, delay(10_000)]);
        // `next start` may outlive the script that started it by a moment; give the group a little longer.
        for (let waited = 0; isGroupAlive(child) && waited < 5_000; waited += 100) await delay(100);
        if (isGroupAlive(child)) killGroup(child, 'SIGKILL');
      }
      running.delete(child);
    })();
    return stopping;
  };
  const output = () => lines.join('\n');

  console.log(`bench server: ${skipBuild ? 'reusing the existing build' : 'building the app (next build)'}, then seeding and starting on ${url}`);
  try {
    await waitForHealth({ url, child, timeoutMs: startTimeoutMs });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- last server output ---\n${output()}`);
  }
  return { url, stop, output };
}

async function waitForHealth({ url, child, timeoutMs }: { url: string; child: ChildProcess; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The bench server exited (${child.exitCode ?? child.signalCode}) before it answered ${url}/api/health.`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(500);
  }
  throw new Error(`The bench server did not answer ${url}/api/health within ${Math.round(timeoutMs / 1000)} s.`);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; stop whatever listens there before running the benchmark.` : error.message)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
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

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

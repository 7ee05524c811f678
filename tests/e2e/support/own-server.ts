import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_AUTH_SECRET } from './servers';

/**
 * A production server of the end-to-end build that one test owns: its own port and demo magazine, so the
 * test can kill it (SIGKILL, as a crash or a power cut would) and start it again without disturbing the
 * servers other tests share.
 */
export type OwnServer = {
  url: string;
  databasePath: string;
  /** Kills the server at once, with whatever it was doing; no request is answered until `start`. */
  kill(): void;
  /** Starts it again on the same database and waits until it answers its health check. */
  start(): Promise<void>;
};

const ROOT = path.resolve(__dirname, '../../..');
const START_LIMIT_MS = 90_000;

export async function startOwnServer({ port, name }: { port: number; name: string }): Promise<OwnServer> {
  const url = `http://127.0.0.1:${port}`;
  const databasePath = path.join(ROOT, 'tests/.tmp', name, 'masthead.db');
  fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const env = { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), SITE_URL: url, AUTH_SECRET: E2E_AUTH_SECRET };
  execFileSync('npm', ['run', '--silent', 'db:seed'], { cwd: ROOT, env, stdio: 'ignore' });

  let child: ChildProcess | null = null;
  let output = '';
  const kill = () => {
    // Its own process group: the server and anything it started go together.
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    child = null;
  };
  const start = async () => {
    output = '';
    child = spawn(process.execPath, ['scripts/start-server.mjs', '-H', '127.0.0.1', '-p', String(port)], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (Date.now() - started < START_LIMIT_MS) {
      if (child.exitCode !== null) throw new Error(`The server on port ${port} stopped as it started (exit ${child.exitCode}):\n${output.slice(-2_000)}`);
      const answer = await fetch(`${url}/api/health`).catch(() => null);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    kill();
    throw new Error(`The server on port ${port} did not answer its health check within ${START_LIMIT_MS / 1000} s:\n${output.slice(-2_000)}`);
  };
  await start();
  process.once('exit', kill);
  return { url, databasePath, kill, start };
}

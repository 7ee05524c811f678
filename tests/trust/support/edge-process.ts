import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { edgeVcl, findVarnishd, varnishdArgs } from '@/lib/platform/edge/varnish-command';
import { delay } from './app-process';

export type EdgeProcess = { url: string; stop: () => Promise<void>; output: () => string; healthLog: () => string };

/**
 * What varnishd's health checks of the origin said so far (`varnishlog -d`), one line each: for a failure
 * that depends on whether the edge thought the origin was up.
 */
function readHealthLog(varnishd: string, workDir: string): string {
  const varnishlog = path.join(path.dirname(varnishd), '..', 'bin', 'varnishlog');
  const command = fs.existsSync(varnishlog) ? varnishlog : 'varnishlog';
  try {
    return execFileSync(command, ['-d', '-n', workDir, '-g', 'raw', '-i', 'Backend_health'], { encoding: 'utf8', timeout: 5_000 }).trim() || '(no health checks logged)';
  } catch (error) {
    return `(varnishlog could not be read: ${(error as Error).message})`;
  }
}

/** A port nobody listens on now, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * varnishd with the project's VCL in front of `backendUrl`, as `npm run edge` starts it, in a work folder of
 * its own. Fails with the install command when varnishd is missing.
 */
export async function startEdge({ backendUrl, workDir }: { backendUrl: string; workDir: string }): Promise<EdgeProcess> {
  const varnishd = findVarnishd();
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const vclFile = path.join(workDir, 'masthead.vcl');
  fs.writeFileSync(vclFile, await edgeVcl({ backendUrl, purgeAllow: ['127.0.0.1', '::1'] }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child: ChildProcess = spawn(varnishd, varnishdArgs({ host: '127.0.0.1', port, workDir, storage: '64m' }, vclFile), { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const edge: EdgeProcess = {
    url,
    output: () => lines.join('\n'),
    healthLog: () => readHealthLog(varnishd, workDir),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, delay(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`varnishd exited before answering:\n${edge.output()}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return edge;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  await edge.stop();
  throw new Error(`varnishd did not answer on ${url} within 60 s:\n${edge.output()}`);
}

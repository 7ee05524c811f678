import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempFolder } from '../factories/temp-database';
import { REPO_ROOT, writeResults } from './support/bench-stats';
import { generateWxr } from './support/generate-wxr';

/**
 * A generated 10,000-post WordPress export imported by `npm run import` in a process of its own, on
 * an empty temporary database, twice: wall time and peak memory (the kernel's high-water mark of the
 * importer's resident set) of the first run, and what the second run changed, which should be nothing.
 */

const POSTS = 10_000;
const GOAL_SECONDS = 60;
const GOAL_MEGABYTES = 300;

type RunRow = { status: string; error: string | null; counts: string };

const folder = makeTempFolder();
const results: Record<string, unknown> = {};

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
  if (Object.keys(results).length > 0) console.log(`BENCH results: ${writeResults('import', results)}`);
});

describe('a 10,000-post WordPress import', () => {
  it('finishes within a minute in under 300 MB, and a second run changes nothing', async () => {
    const exportFile = path.join(folder, 'generated.xml');
    await generateWxr({ posts: POSTS, filePath: exportFile });
    const databasePath = path.join(folder, 'masthead.db');

    const first = await timedImport({ exportFile, databasePath });
    const firstRun = latestRun(databasePath);
    expect(firstRun.error).toBeNull();
    expect(first.code).toBe(0);
    const firstCounts = totals(firstRun);
    expect(firstCounts.created).toBeGreaterThanOrEqual(POSTS);

    const second = await timedImport({ exportFile, databasePath });
    expect(second.code).toBe(0);
    const secondCounts = totals(latestRun(databasePath));

    const seconds = first.ms / 1000;
    const megabytes = first.peakKilobytes / 1024;
    console.log(
      `BENCH 10,000-post WXR import: ${seconds.toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s), peak memory ${megabytes.toFixed(0)} MB (goal ≤ ${GOAL_MEGABYTES} MB); ` +
        `second run: ${secondCounts.created} created, ${secondCounts.updated} updated (goal 0)`,
    );
    Object.assign(results, {
      posts: POSTS,
      exportMegabytes: Math.round(fs.statSync(exportFile).size / 1024 / 1024),
      firstRun: { ms: Math.round(first.ms), peakMegabytes: Math.round(megabytes), counts: firstCounts },
      secondRun: { ms: Math.round(second.ms), peakMegabytes: Math.round(second.peakKilobytes / 1024), counts: secondCounts },
      goals: { seconds: GOAL_SECONDS, megabytes: GOAL_MEGABYTES, secondRunChanges: 0 },
    });
    expect(secondCounts.created + secondCounts.updated).toBe(0);
    expect.soft(seconds).toBeLessThanOrEqual(GOAL_SECONDS);
    expect.soft(megabytes).toBeLessThanOrEqual(GOAL_MEGABYTES);
  });
});

/**
 * Runs `npm run import` as package.json spells it, without npm around it: the steps before the last
 * (building the command) first, then the command in one Node process, reading its peak resident set
 * while it runs. The time counts both.
 */
async function timedImport({ exportFile, databasePath }: { exportFile: string; databasePath: string }): Promise<{ code: number; ms: number; peakKilobytes: number }> {
  const { before, command } = importScriptSteps();
  const started = performance.now();
  for (const step of before) execFileSync(process.execPath, step, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn(process.execPath, [...command, 'wordpress', exportFile, '--no-fetch'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
  let peakKilobytes = 0;
  const sampler = setInterval(() => {
    peakKilobytes = Math.max(peakKilobytes, highWaterMark(child.pid));
  }, 100);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(sampler);
  if (code !== 0) console.error(errors);
  return { code, ms: performance.now() - started, peakKilobytes };
}

/** The Node arguments of each step of the `import` script in package.json; every step there must be a `node` command. */
function importScriptSteps(): { before: string[][]; command: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const steps = manifest.scripts.import!.split('&&').map((step) => step.trim().split(/\s+/));
  for (const step of steps) {
    if (step[0] !== 'node') throw new Error(`The bench runs each step of \`npm run import\` with Node; “${step.join(' ')}” is not a node command.`);
  }
  const args = steps.map((step) => step.slice(1));
  return { before: args.slice(0, -1), command: args.at(-1)! };
}

/** The kernel's record of the most memory the process has held (VmHWM), in kB; 0 once it has gone. */
function highWaterMark(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function latestRun(databasePath: string): RunRow {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    return sqlite.prepare('select status, error, counts from import_runs order by id desc limit 1').get() as RunRow;
  } finally {
    sqlite.close();
  }
}

function totals(run: RunRow): { created: number; updated: number; unchanged: number; skipped: number; failed: number } {
  const sum = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const counts of Object.values(JSON.parse(run.counts) as Record<string, typeof sum>)) {
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += counts[key];
  }
  return sum;
}

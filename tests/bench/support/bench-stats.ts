import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Summary = { n: number; p50: number; p95: number; max: number; min: number; mean: number };

/** Nearest-rank percentile of already sorted samples (p in 0–100). */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]!),
    min: round(sorted[0]!),
    mean: round(total / sorted.length),
  };
}

/** One line a person can read in the test output, e.g. `BENCH x: p50=12.3ms p95=18.9ms max=25.1ms (n=200)`. */
export function benchLine(label: string, summary: Summary): string {
  const ms = (value: number) => `${value.toFixed(1)}ms`;
  return `BENCH ${label}: p50=${ms(summary.p50)} p95=${ms(summary.p95)} max=${ms(summary.max)} (n=${summary.n})`;
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RESULTS_DIR = path.join(REPO_ROOT, 'tests/bench/results');

/** Writes `tests/bench/results/<name>.json` with the figures and the machine they were measured on. */
export function writeResults(name: string, figures: Record<string, unknown>): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const cpus = os.cpus();
  const document = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    unit: 'ms',
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpu: cpus[0]?.model ?? 'unknown', cpuCount: cpus.length },
    ...figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

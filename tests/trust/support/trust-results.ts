import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../bench/support/bench-stats';

export const TRUST_RESULTS_DIR = path.join(REPO_ROOT, 'tests/trust/results');

export type TrustResult = {
  /** e.g. "Crash: SIGKILL during saves and publications". */
  check: string;
  /** How many attacks, kills, requests or cases were tried. */
  tried: number;
  /** How many of them went wrong (the test fails when this is not 0). */
  failures: number;
  /** Figures worth reading, in words: "p99 41 ms", "20 kills, 1,832 acknowledged saves". */
  figures: string;
};

/** Records one line of the summary table printed at the end of `npm run test:trust`. */
export function recordTrustResult(result: TrustResult): void {
  fs.mkdirSync(TRUST_RESULTS_DIR, { recursive: true });
  const file = path.join(TRUST_RESULTS_DIR, `${result.check.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
}

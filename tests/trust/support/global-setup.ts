import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild } from './app-process';
import { TRUST_RESULTS_DIR, type TrustResult } from './trust-results';

/** Builds the app if needed before the harness; afterwards prints the summary table of every check. */
export default function setup(): () => void {
  fs.rmSync(TRUST_RESULTS_DIR, { recursive: true, force: true });
  ensureBuild();
  return () => {
    const rows = fs.existsSync(TRUST_RESULTS_DIR)
      ? fs
          .readdirSync(TRUST_RESULTS_DIR)
          .filter((name) => name.endsWith('.json'))
          .map((name) => JSON.parse(fs.readFileSync(path.join(TRUST_RESULTS_DIR, name), 'utf8')) as TrustResult)
      : [];
    const table = [
      '| check | tried | failures | figures |',
      '|---|---:|---:|---|',
      ...rows.map((row) => `| ${row.check} | ${row.tried} | ${row.failures} | ${row.figures} |`),
    ].join('\n');
    fs.mkdirSync(TRUST_RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(TRUST_RESULTS_DIR, 'summary.md'), `${table}\n`);
    console.log(`\nTrust harness summary\n\n${table}\n`);
  };
}

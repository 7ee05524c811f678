// Builds one command-line script and what it uses from the project into a single CommonJS file that plain
// Node runs, so the command carries no TypeScript loader. Packages stay outside the bundle and load
// from node_modules as they would anyway. Run before every use (it takes well under a second), so the
// bundle is never older than the code.
//
//   node scripts/bundle-command.mjs <script name>   e.g. import-cli: scripts/import-cli.ts becomes
//   node_modules/.cache/masthead-commands/import-cli.cjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BUNDLE_FOLDER = 'node_modules/.cache/masthead-commands';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z][a-z-]*$/.test(name)) {
  console.error('Usage: node scripts/bundle-command.mjs <script name in scripts/, without .ts>');
  process.exit(2);
}

const outfile = path.join(root, BUNDLE_FOLDER, `${name}.cjs`);
const result = await build({
  absWorkingDir: root,
  entryPoints: [`scripts/${name}.ts`],
  outfile,
  bundle: true,
  // CommonJS, as the scripts run today: packages resolve as `require` finds them (`next/cache` has no
  // exports map an ES module import would accept), and a module loaded with `await import()` is still
  // set up, with its packages, only when that line runs.
  format: 'cjs',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  platform: 'node',
  target: 'node20',
  packages: 'external',
  conditions: ['react-server'],
  logLevel: 'warning',
  write: false,
});
// Written beside it and renamed into place: a run of the same command starting meanwhile reads a whole file.
fs.mkdirSync(path.dirname(outfile), { recursive: true });
const partial = `${outfile}.${process.pid}.partial`;
fs.writeFileSync(partial, result.outputFiles[0].contents);
fs.renameSync(partial, outfile);

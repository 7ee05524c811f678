// Serves the production build on a fresh database: with --build it builds first, with --seed it loads the demo magazine.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const databasePath = process.env.DATABASE_PATH;
if (!databasePath) throw new Error('DATABASE_PATH must be set for the end-to-end server.');
fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });

const env = { ...process.env };
if (!env.AUTH_SECRET) delete env.AUTH_SECRET;
const run = (command) => execSync(command, { stdio: 'inherit', env });
if (process.argv.includes('--build') && process.env.E2E_SKIP_BUILD !== '1') run('npx next build');
if (process.argv.includes('--seed')) run('npm run --silent db:seed');

const server = spawn(process.execPath, ['scripts/start-server.mjs', '-H', '127.0.0.1', '-p', process.env.PORT], { stdio: 'inherit', env });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Leave with the server's own exit code once it has stopped.
server.on('exit', (code) => {
  process.exitCode = code ?? 0;
});

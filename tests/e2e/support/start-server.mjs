// Builds the app for production, loads the demo magazine into a fresh database, and serves it.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const databasePath = process.env.DATABASE_PATH;
if (!databasePath) throw new Error('DATABASE_PATH must be set for the end-to-end server.');
fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });

const run = (command) => execSync(command, { stdio: 'inherit', env: process.env });
if (process.env.E2E_SKIP_BUILD !== '1') run('npx next build');
run('npm run --silent db:seed');

const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', process.env.PORT], { stdio: 'inherit', env: process.env });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));

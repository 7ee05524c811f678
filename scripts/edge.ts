import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '@/lib/platform/config/get-config';
import { edgeSettingsFromEnv, edgeVcl, EdgeSetupError, findVarnishd, varnishdArgs } from '@/lib/platform/edge/varnish-command';

/**
 * `npm run edge`: Varnish in front of the running app (see "Behind a cache" in the README), in the
 * foreground until stopped. EDGE_PORT (8080), EDGE_BACKEND_URL (the app, http://127.0.0.1:$PORT),
 * EDGE_PURGE_ALLOW (who may purge), EDGE_WORK_DIR (<data folder>/edge), EDGE_STORAGE (256m).
 */
async function main(): Promise<number> {
  const settings = edgeSettingsFromEnv(process.env, { dataDir: getConfig().dataDir });
  const varnishd = findVarnishd();
  await mkdir(settings.workDir, { recursive: true });
  const vclFile = path.join(settings.workDir, 'masthead.vcl');
  await writeFile(vclFile, await edgeVcl(settings));
  console.log(`Varnish on ${settings.host}:${settings.port} in front of ${settings.backendUrl}; work folder ${settings.workDir}.`);
  const child = spawn(varnishd, varnishdArgs(settings, vclFile), { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`varnishd could not be started: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof EdgeSetupError ? error.message : error);
    process.exit(1);
  });

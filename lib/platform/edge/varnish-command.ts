import { accessSync, constants } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the VCL lives in the repository; `npm run edge` writes a copy with this run's backend and purge addresses. */
export const VCL_TEMPLATE = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'deploy/varnish/masthead.vcl');

const INSTALL_HINT = 'Install it with `apt-get install varnish varnish-modules` (Debian/Ubuntu), or set VARNISHD to its path.';

export class EdgeSetupError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** The varnishd to run: `VARNISHD` when set, else the first on PATH or in /usr/sbin; a clear error when there is none. */
export function findVarnishd(env: Env = process.env): string {
  if (env.VARNISHD) {
    if (isExecutable(env.VARNISHD)) return env.VARNISHD;
    throw new EdgeSetupError(`VARNISHD is set to ${env.VARNISHD}, which is not an executable file. ${INSTALL_HINT}`);
  }
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'varnishd');
    if (isExecutable(candidate)) return candidate;
  }
  throw new EdgeSetupError(`varnishd was not found. ${INSTALL_HINT}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type EdgeSettings = {
  /** Where the app answers, e.g. `http://127.0.0.1:3000`. */
  backendUrl: string;
  /** Where Varnish listens for readers. */
  port: number;
  host: string;
  /** Addresses or networks (`10.0.0.0/8`) allowed to purge. */
  purgeAllow: string[];
  /** varnishd's work folder. */
  workDir: string;
  /** Cache memory, e.g. `256m`. */
  storage: string;
};

/** The settings `npm run edge` reads from the environment, each with a working default. */
export function edgeSettingsFromEnv(env: Env, { dataDir }: { dataDir: string }): EdgeSettings {
  const port = Number(env.EDGE_PORT || 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new EdgeSetupError(`EDGE_PORT must be a port number (1–65535); it is "${env.EDGE_PORT}".`);
  const backendUrl = env.EDGE_BACKEND_URL || env.INTERNAL_URL || `http://127.0.0.1:${env.PORT || 3000}`;
  return {
    backendUrl,
    port,
    host: env.EDGE_HOST || '0.0.0.0',
    purgeAllow: (env.EDGE_PURGE_ALLOW || '127.0.0.1,::1')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    workDir: path.resolve(env.EDGE_WORK_DIR || path.join(dataDir, 'edge')),
    storage: env.EDGE_STORAGE || '256m',
  };
}

/** The VCL with this run's backend and purge addresses written in. */
export async function edgeVcl({ backendUrl, purgeAllow }: Pick<EdgeSettings, 'backendUrl' | 'purgeAllow'>, template = VCL_TEMPLATE): Promise<string> {
  let backend: URL;
  try {
    backend = new URL(backendUrl);
  } catch {
    throw new EdgeSetupError(`The app's address "${backendUrl}" is not a URL; set EDGE_BACKEND_URL to e.g. http://127.0.0.1:3000.`);
  }
  if (backend.protocol !== 'http:') throw new EdgeSetupError(`Varnish reaches the app over plain http; "${backendUrl}" is not an http:// address.`);
  const host = backend.hostname.replace(/^\[|\]$/g, '');
  const port = backend.port || '80';
  const acl = purgeAllow.map((entry) => {
    const [address, bits] = entry.split('/');
    if (!address || !/^[0-9a-fA-F:.]+$/.test(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new EdgeSetupError(`EDGE_PURGE_ALLOW lists "${entry}", which is not an IP address or network (e.g. 10.0.0.0/8).`);
    }
    return `    "${address}"${bits === undefined ? '' : `/${bits}`};`;
  });
  const source = await readFile(template, 'utf8');
  return source
    .replace(/(backend origin \{[^}]*?\.host = )"[^"]*";/, `$1"${host}";`)
    .replace(/(backend origin \{[^}]*?\.port = )"[^"]*";/, `$1"${port}";`)
    .replace(/acl purgers \{[^}]*\}/, `acl purgers {\n${acl.join('\n')}\n}`);
}

/** varnishd in the foreground (`-F`), logging to its own work folder, with the given VCL file. */
export function varnishdArgs({ host, port, workDir, storage }: Pick<EdgeSettings, 'host' | 'port' | 'workDir' | 'storage'>, vclFile: string): string[] {
  return ['-F', '-n', workDir, '-a', `${host}:${port}`, '-f', vclFile, '-s', `malloc,${storage}`, '-T', 'none', '-p', 'vsl_space=16m'];
}

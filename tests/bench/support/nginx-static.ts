import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NGINX = '/usr/sbin/nginx';

export type NginxStatic = { url: string; stop: () => Promise<void> };

/**
 * nginx (Debian's `nginx` package) serving `body` as a static file on `port`, with its prefix under
 * `folder`: the ceiling a plain web server reaches on this machine. Null when nginx is not installed
 * (`apt-get install -y nginx-light`); the bench then says so and compares with Node's file server only.
 */
export async function startNginxStatic({ body, port, folder }: { body: Buffer; port: number; folder: string }): Promise<NginxStatic | null> {
  if (!fs.existsSync(NGINX)) return null;
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, 'html'), { recursive: true });
  fs.chmodSync(folder, 0o755);
  fs.writeFileSync(path.join(folder, 'html/article.html'), body);
  fs.writeFileSync(
    path.join(folder, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes auto;',
      `pid ${path.join(folder, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${path.join(folder, 'tmp')};`,
      `  proxy_temp_path ${path.join(folder, 'tmp')};`,
      `  fastcgi_temp_path ${path.join(folder, 'tmp')};`,
      `  uwsgi_temp_path ${path.join(folder, 'tmp')};`,
      `  scgi_temp_path ${path.join(folder, 'tmp')};`,
      '  sendfile on;',
      '  keepalive_requests 100000;',
      `  server { listen 127.0.0.1:${port}; root ${path.join(folder, 'html')}; default_type text/html; location / { try_files /article.html =404; } }`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', folder, '-c', path.join(folder, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let waited = 0; waited < 5_000; waited += 100) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`nginx did not start:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGQUIT');
      } catch {
        // Already gone.
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
  };
}

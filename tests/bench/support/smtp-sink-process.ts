import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type SinkProcess = { url: string; counts: () => Promise<{ counts: Map<string, number>; peakRssMb: number }>; close: () => Promise<void> };

/** Starts `smtp-sink-server.mjs` in a child process and waits until it listens. */
export async function startSmtpSinkProcess(): Promise<SinkProcess> {
  const child = fork(fileURLToPath(new URL('./smtp-sink-server.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('error', reject);
  });
  const { port } = await next<{ port: number }>();
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: async () => {
      const answer = next<{ counts: [string, number][]; peakRssMb: number }>();
      child.send('counts');
      const { counts, peakRssMb } = await answer;
      return { counts: new Map(counts), peakRssMb };
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

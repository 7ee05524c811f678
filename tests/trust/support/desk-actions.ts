import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../bench/support/bench-stats';
import type { StaffClient } from './staff-client';

type ManifestEntry = { filename?: string; exportedName?: string };

/** The build's id for a server action, named as `<file>#<export>` (e.g. `app/desk/entities/actions.ts#updateEntityAction`). */
export function serverActionId(key: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => `${entry.filename}#${entry.exportedName}` === key);
  if (!found) throw new Error(`The build has no server action ${key}; rebuild with TRUST_REBUILD=1.`);
  return found[0];
}

/**
 * Calls a desk server action as the desk's form does: posted to the page that offers it, with the
 * arguments encoded by React's own client. `form` arguments become FormData. Answers the status, the
 * page the action sends the browser to (if any) and the raw payload.
 */
export async function callDeskAction({
  staff,
  baseUrl,
  action,
  page,
  args,
}: {
  staff: StaffClient;
  baseUrl: string;
  action: string;
  page: string;
  args: (unknown | { form: Record<string, string | number> })[];
}): Promise<{ status: number; redirect: string; text: string }> {
  const { encodeReply } = (await import('next/dist/compiled/react-server-dom-webpack/client.edge' as string)) as { encodeReply: (value: unknown) => Promise<string | FormData> };
  const body = await encodeReply(args.map(toArgument));
  const response = await fetch(`${baseUrl}${page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': serverActionId(action),
      Accept: 'text/x-component',
      Origin: baseUrl,
      Cookie: staff.cookie,
      ...(typeof body === 'string' ? { 'Content-Type': 'text/plain;charset=UTF-8' } : {}),
    },
    body,
  });
  return { status: response.status, redirect: (response.headers.get('x-action-redirect') ?? '').replace(/;(push|replace)$/, ''), text: await response.text() };
}

function toArgument(argument: unknown): unknown {
  if (!argument || typeof argument !== 'object' || !('form' in argument)) return argument;
  const data = new FormData();
  for (const [name, value] of Object.entries((argument as { form: Record<string, string | number> }).form)) data.append(name, String(value));
  return data;
}

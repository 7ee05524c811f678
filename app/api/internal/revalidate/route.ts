import { z } from 'zod';
import { MAX_TAG_LENGTH } from '@/lib/platform/cache/cache-tags';
import { expireTags } from '@/lib/platform/cache/expire-tags';
import { isRevalidationToken } from '@/lib/platform/cache/revalidation-token';

const NO_STORE = { 'Cache-Control': 'no-store' };

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).min(1).max(2_000) });

/**
 * Expires reader-cache tags for the worker, which publishes scheduled articles outside any request
 * and so cannot call `revalidateTag` itself. Only with the token derived from the auth secret.
 */
export async function POST(request: Request) {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
  if (!isRevalidationToken(token)) return Response.json({ ok: false, error: 'Not allowed.' }, { status: 401, headers: NO_STORE });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, error: 'The request was not valid JSON.' }, { status: 400, headers: NO_STORE });
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return Response.json({ ok: false, error: 'Send { "tags": [ … ] }.' }, { status: 400, headers: NO_STORE });
  const expired = expireTags(parsed.data.tags);
  return Response.json({ ok: true, expired: expired.length }, { headers: NO_STORE });
}

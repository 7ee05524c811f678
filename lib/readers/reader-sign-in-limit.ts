import 'server-only';
import { getConfig } from '@/lib/platform/config/get-config';
import { hitRateLimits, READER_RATE_LIMITS } from './hit-rate-limit';
import { subscriberEmailSchema } from './subscriber-email-schema';

/** Counts one request for a sign-in link against the per-IP and per-address limits; false when either is spent. */
export function allowReaderSignInRequest({ email, ip, now = Date.now() }: { email: string; ip: string; now?: number }): boolean {
  return hitRateLimits({
    hits: [
      { limit: READER_RATE_LIMITS.signInByIp, key: ip },
      { limit: READER_RATE_LIMITS.signInByAddress, key: email },
    ],
    now,
  });
}

/**
 * For a request that reaches Auth.js's email sign-in directly (`POST …/signin/email`): the same limits
 * the account page's form meets, so posting there cannot get round them. Null lets Auth.js answer;
 * otherwise the answer sends the reader to the account page, which says why.
 */
export async function refuseReaderSignInOverLimit({ request, ip }: { request: Request; ip: string }): Promise<Response | null> {
  if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/signin/email')) return null;
  let submitted: FormDataEntryValue | null = null;
  try {
    submitted = (await request.clone().formData()).get('email');
  } catch {
    // Not a form: Auth.js refuses it itself; the IP still counts below.
  }
  const parsed = subscriberEmailSchema.safeParse(submitted);
  const email = parsed.success ? parsed.data : String(submitted ?? '').trim().toLowerCase();
  if (allowReaderSignInRequest({ email, ip })) return null;
  const target = `${getConfig().siteUrl}/account?problem=rate_limited`;
  // Auth.js's own client asks for the destination as JSON rather than a redirect.
  if (request.headers.get('x-auth-return-redirect')) return Response.json({ url: target });
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } });
}

import { clientIp } from '@/lib/staff/auth/client-ip';
import { subscribeFormValues } from '@/lib/readers/subscribe-input-schema';
import { subscribeReader } from '@/lib/readers/subscribe-reader';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Subscribe from anywhere: JSON (`{ "email", "wantsIssueEmail", "follow": [ids], "alertFrequency" }`)
 * answers JSON; a plain HTML form post answers with a redirect to the page that explains what comes
 * next. Same checks and same answer as the /subscribe page, whatever the address's history.
 */
export async function POST(request: Request): Promise<Response> {
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return answer({ isJson, status: 413, body: { ok: false, error: 'That request is too large.' } });
  let input: unknown;
  try {
    input = isJson ? JSON.parse(await request.text()) : subscribeFormValues(await request.formData());
  } catch {
    return answer({ isJson, status: 400, body: { ok: false, error: isJson ? 'The request was not valid JSON.' : 'The form could not be read.' }, problem: 'invalid' });
  }
  let result: ReturnType<typeof subscribeReader>;
  try {
    result = subscribeReader({ input, ip: clientIp(request.headers) });
  } catch (error) {
    console.error('Subscribing failed:', error);
    return answer({ isJson, status: 500, body: { ok: false, error: 'Something went wrong on our side; please try again in a moment.' }, problem: 'server' });
  }
  if (result.ok) return answer({ isJson, status: 202, body: { ok: true, message: result.message } });
  if (result.reason === 'rate_limited') return answer({ isJson, status: 429, body: { ok: false, error: result.error }, problem: 'rate_limited' });
  return answer({ isJson, status: 400, body: { ok: false, error: result.error, fieldErrors: result.fieldErrors }, problem: 'invalid', input });
}

function answer({ isJson, status, body, problem, input }: { isJson: boolean; status: number; body: Record<string, unknown>; problem?: string; input?: unknown }): Response {
  if (isJson) return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  if (status === 202) return new Response(null, { status: 303, headers: { Location: '/subscribe/check-email', 'Cache-Control': 'no-store' } });
  const follow = (input as { follow?: unknown } | undefined)?.follow;
  const params = new URLSearchParams({ problem: problem ?? 'invalid' });
  if (Array.isArray(follow) && follow.length > 0) params.set('follow', follow.map(String).join(','));
  return new Response(null, { status: 303, headers: { Location: `/subscribe?${params}`, 'Cache-Control': 'no-store' } });
}

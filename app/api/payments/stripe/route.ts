import { receivePaymentWebhook } from '@/lib/access/payments/receive-payment-webhook';
import { readLimitedText } from '@/lib/platform/http/read-limited-text';

/** Stripe's events are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * Stripe's webhook endpoint. Public, since Stripe calls it without a session: the signature over the
 * raw body, checked with the endpoint's signing secret, is the only credential.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readLimitedText({ request, maxBytes: MAX_BODY_BYTES });
  if (body === null) return Response.json({ ok: false, error: 'That request is too large to be a Stripe event.' }, { status: 413, headers: { 'Cache-Control': 'no-store' } });
  try {
    const answer = receivePaymentWebhook({ body, signature: request.headers.get('stripe-signature') });
    return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('Handling a Stripe event failed:', error);
    return Response.json({ ok: false, error: 'The event could not be recorded; Stripe will send it again.' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}

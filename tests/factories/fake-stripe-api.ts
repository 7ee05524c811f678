import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StripeApiCall = { method: string; path: string; authorization: string; form: URLSearchParams };

/**
 * A small HTTP server standing in for api.stripe.com: it records each request (Stripe's API takes
 * form-encoded bodies) and answers checkout and portal sessions the way Stripe shapes them.
 */
export async function startFakeStripeApi(): Promise<{ url: string; calls: StripeApiCall[]; failNext: (status: number) => void; stop: () => Promise<void> }> {
  const calls: StripeApiCall[] = [];
  let failure: number | null = null;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      calls.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization ?? '', form });
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Request-Id', `req_fake_${calls.length}`);
      if (failure !== null) {
        response.statusCode = failure;
        failure = null;
        response.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'No such price' } }));
        return;
      }
      if (request.url === '/v1/checkout/sessions') {
        // The page's address repeats who pays for what, so a caller that sees only the redirect can check it.
        const echo = new URLSearchParams({ reader: form.get('client_reference_id') ?? '', price: form.get('line_items[0][price]') ?? '' });
        response.end(JSON.stringify({ id: `cs_fake_${calls.length}`, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/cs_fake_${calls.length}?${echo}` }));
        return;
      }
      if (request.url === '/v1/billing_portal/sessions') {
        response.end(JSON.stringify({ id: `bps_fake_${calls.length}`, object: 'billing_portal.session', url: `https://billing.stripe.test/p/session/${form.get('customer')}` }));
        return;
      }
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.url})` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext: (status) => {
      failure = status;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

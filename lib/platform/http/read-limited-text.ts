/**
 * The request body as text, or null once it grows past `maxBytes`: stops reading there, so a body
 * without a Content-Length (chunked) cannot make the server hold more than the limit.
 */
export async function readLimitedText({ request, maxBytes }: { request: Request; maxBytes: number }): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

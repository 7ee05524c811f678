export const CROSS_SITE_REFUSAL = 'This request came from another site and was refused.';

/** A JSON refusal that no cache keeps. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ ok: false, error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A JSON answer for one caller: never cached. */
export function jsonAnswer(body: Record<string, unknown>, { status = 200 }: { status?: number } = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Reads a JSON body no larger than `maxBytes`, or explains why it cannot. */
export async function readJsonBody(
  request: Request,
  { maxBytes, tooLarge }: { maxBytes: number; tooLarge?: string },
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const refuseSize = () => ({ ok: false as const, response: tooLarge ? jsonError(400, tooLarge) : jsonError(413, `The request is larger than ${describeBytes(maxBytes)} and was not saved; remove large pasted content.`) });
  if (declared > maxBytes) return refuseSize();
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The connection dropped mid-upload (a tab closed, the network went away): nothing to save.
    return { ok: false, response: jsonError(400, 'The request was cut off before it arrived; nothing was changed.') };
  }
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return refuseSize();
  if (text.trim() === '') return { ok: false, response: jsonError(400, 'The request had no body; send it as JSON.') };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The request was not valid JSON.') };
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

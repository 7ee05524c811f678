/**
 * The address a request came from. The last X-Forwarded-For entry is the one added by the
 * nearest proxy (Next's own server adds it), so a client cannot choose it by sending the header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last || headers.get('x-real-ip') || 'unknown';
}

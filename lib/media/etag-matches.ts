/** Whether an If-None-Match header names this ETag; that header compares weakly (W/"x" matches "x"). */
export function etagMatches({ header, etag }: { header: string | null; etag: string }): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

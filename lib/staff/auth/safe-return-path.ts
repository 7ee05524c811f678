/** Where to go after signing in: only a path inside the desk, so a link cannot send staff elsewhere. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate) return '/desk';
  let path = candidate;
  try {
    const url = new URL(candidate, 'http://masthead.invalid');
    if (url.origin !== 'http://masthead.invalid') return '/desk';
    path = `${url.pathname}${url.search}`;
  } catch {
    return '/desk';
  }
  return path === '/desk' || path.startsWith('/desk/') || path.startsWith('/desk?') ? path : '/desk';
}

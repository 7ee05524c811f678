export type SignInLink = { token: string; email: string; callbackUrl: string };

const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * The page an emailed sign-in link opens: built from the address Auth.js made for the token, so the
 * message leads to a page with a button rather than to the link that spends the token.
 */
export function signInPageUrl({ siteUrl, authUrl }: { siteUrl: string; authUrl: string }): string {
  const given = new URL(authUrl);
  const page = new URL('/account/sign-in', siteUrl);
  for (const name of ['token', 'email', 'callbackUrl'] as const) {
    const value = given.searchParams.get(name);
    if (value !== null) page.searchParams.set(name, value);
  }
  return page.toString();
}

/** The parts of a sign-in link the page passes on, or null when one is missing or malformed. */
export function readSignInLink(params: Record<string, string | string[] | undefined>): SignInLink | null {
  const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);
  const token = one(params.token);
  const email = one(params.email);
  if (!token || !TOKEN.test(token) || !email || email.length > 320 || !email.includes('@')) return null;
  return { token, email, callbackUrl: accountPath(one(params.callbackUrl)) };
}

/** Where a reader may land after signing in: the account pages, and the join page they signed in from. */
export function isReaderReturnPath(pathname: string): boolean {
  return pathname === '/account' || pathname.startsWith('/account/') || pathname === '/join';
}

/** Only reader return paths are a destination afterwards (Auth.js checks again); anything else becomes /account. */
function accountPath(callbackUrl: string | null): string {
  if (!callbackUrl) return '/account';
  try {
    const target = new URL(callbackUrl, 'http://site.invalid');
    return isReaderReturnPath(target.pathname) ? `${target.pathname}${target.search}` : '/account';
  } catch {
    return '/account';
  }
}

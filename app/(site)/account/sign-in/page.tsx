import type { Metadata } from 'next';
import { READER_AUTH_BASE_PATH } from '@/lib/readers/reader-auth-config';
import { readSignInLink } from '@/lib/readers/sign-in-link';

// The address carries a one-time token: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = { title: 'Sign in to your account', robots: { index: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An emailed sign-in link opens this page and uses nothing up: mail scanners that open links would
 * otherwise spend the one-time token before the reader gets to it. The button does the signing in.
 */
export default async function AccountSignInPage({ searchParams }: Props) {
  const link = readSignInLink(await searchParams);
  if (!link) {
    return (
      <section className="narrow">
        <h1>That link is incomplete</h1>
        <p role="alert">The sign-in link is missing a part, perhaps cut off by the mail program. Ask for a new one.</p>
        <p>
          <a href="/account">Ask for a new sign-in link</a>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Sign in to your account</h1>
      <p>
        You are signing in as <strong>{link.email}</strong>.
      </p>
      <form method="get" action={`${READER_AUTH_BASE_PATH}/callback/email`}>
        <input type="hidden" name="callbackUrl" value={link.callbackUrl} />
        <input type="hidden" name="token" value={link.token} />
        <input type="hidden" name="email" value={link.email} />
        <button type="submit">Sign in to my account</button>
      </form>
      <p className="meta">The link works once, for 30 minutes from when you asked for it.</p>
    </section>
  );
}

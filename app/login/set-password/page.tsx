import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { MIN_PASSWORD_LENGTH } from '@/lib/staff/auth/password';
import { isPasswordLinkOpen } from '@/lib/staff/users/is-password-link-open';
import { INVALID_LINK_MESSAGE } from '@/lib/staff/users/set-password-with-token';
import { SetPasswordForm } from './set-password-form.client';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** Public: the page an invitation or reset email links to. It never says whose link it is. */
export default async function SetPasswordPage({ searchParams }: Props) {
  await connection();
  const token = [(await searchParams).token].flat()[0] ?? '';
  const isOpen = token !== '' && isPasswordLinkOpen(token);
  return (
    <main className="login" id="main">
      <h1>Set your password</h1>
      {isOpen ? (
        <SetPasswordForm token={token} minLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <>
          <p role="alert" className="form-error">
            {token === '' ? 'This page needs the link from your email; open the link exactly as it was sent.' : INVALID_LINK_MESSAGE}
          </p>
          <p>
            Already have a password? <Link href="/login">Sign in</Link>.
          </p>
        </>
      )}
    </main>
  );
}

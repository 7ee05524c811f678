import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { loginWaitMessage } from '@/lib/staff/auth/login-wait-message';
import { safeReturnPath } from '@/lib/staff/auth/safe-return-path';
import { signInWithPassword } from './actions';

export const metadata: Metadata = { title: 'Staff sign-in', robots: { index: false } };

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an active staff account. Check both and try again.',
  RateLimited: 'Too many sign-in attempts. Wait a few minutes, then try again.',
  MissingFields: 'Enter both your email address and your password.',
};

type Props = { searchParams: Promise<{ error?: string; code?: string; callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { error, code, callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentStaff()) redirect(returnTo);
  const retryAt = /^rate_limited_(\d{1,12})$/.exec(code ?? '')?.[1];
  const key = code?.startsWith('rate_limited') ? 'RateLimited' : error;
  const message = retryAt ? loginWaitMessage({ retryAt: new Date(Number(retryAt) * 1000) }) : key ? (MESSAGES[key] ?? 'Sign-in did not work. Please try again.') : null;
  return (
    <main className="login" id="main">
      <h1>Staff sign-in</h1>
      <div aria-live="polite">
        {message ? (
          <p role="alert" className="form-error">
            {message}
          </p>
        ) : null}
      </div>
      <form action={signInWithPassword} className="stack">
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required maxLength={320} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required maxLength={1024} />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <p>
        <Link href="/login/forgot">Forgot your password?</Link>
      </p>
    </main>
  );
}

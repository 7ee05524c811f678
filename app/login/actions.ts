'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/staff/auth/auth';
import { safeReturnPath } from '@/lib/staff/auth/safe-return-path';

/** Signs a staff member in; every failure returns to /login with an error the page explains. */
export async function signInWithPassword(formData: FormData): Promise<void> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  const returnTo = safeReturnPath(String(formData.get('callbackUrl') ?? ''));
  const back = (error: string) => `/login?error=${error}${returnTo === '/desk' ? '' : `&callbackUrl=${encodeURIComponent(returnTo)}`}`;
  if (email.trim() === '' || password === '') redirect(back('MissingFields'));
  try {
    await signIn('credentials', { email, password, redirectTo: returnTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
      redirect(code.startsWith('rate_limited') ? `${back('RateLimited')}&code=${encodeURIComponent(code)}` : back('CredentialsSignin'));
    }
    throw error;
  }
}

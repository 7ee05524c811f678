'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/staff/auth/auth';
import { createStaffUser } from '@/lib/staff/users/create-staff-user';

export type FirstAdminState = {
  ok: boolean;
  error?: string;
  fieldErrors?: Partial<Record<'name' | 'email' | 'password', string>>;
  /** What was typed (never the password), so a refused form keeps it. */
  values?: { name: string; email: string };
};

/**
 * The one-time setup: anyone may call it, but it creates an account only while the database has
 * none at all (checked inside the same transaction as the insert).
 */
export async function createFirstAdmin(_previous: FirstAdminState, formData: FormData): Promise<FirstAdminState> {
  const input = {
    name: String(formData.get('name') ?? ''),
    email: String(formData.get('email') ?? ''),
    password: String(formData.get('password') ?? ''),
    role: 'admin',
  };
  const result = await createStaffUser({ input, actorId: null, onlyIfNoUsers: true });
  const values = { name: input.name, email: input.email };
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values };
  try {
    await signIn('credentials', { email: input.email, password: input.password, redirectTo: '/desk' });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: 'The account was created; sign in at /login.', values };
    throw error;
  }
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

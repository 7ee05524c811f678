'use server';

import { setPasswordWithToken } from '@/lib/staff/users/set-password-with-token';

export type SetPasswordState = { ok: true } | { ok: false; error: string; fieldErrors?: Partial<Record<'password' | 'confirm', string>> } | null;

/** Public: whoever holds a valid set-password link may use it; the link is the credential, checked in the domain. */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const token = formData.get('token');
  const password = formData.get('password');
  const confirm = formData.get('confirm');
  if (typeof password !== 'string' || password === '') {
    return { ok: false, error: 'Choose a password.', fieldErrors: { password: 'Choose a password.' } };
  }
  if (password !== confirm) {
    const message = 'The two passwords are not the same; type it again in both boxes.';
    return { ok: false, error: message, fieldErrors: { confirm: message } };
  }
  try {
    const result = await setPasswordWithToken({ token, password });
    if (result.ok) return { ok: true };
    return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  } catch (error) {
    console.error('Setting a password failed', error);
    return { ok: false, error: 'Something went wrong and your password was not changed; try again in a moment.' };
  }
}

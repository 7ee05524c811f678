'use server';

import { headers } from 'next/headers';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { requestPasswordReset, type PasswordResetResult } from '@/lib/staff/users/request-password-reset';

export type ForgotPasswordState = PasswordResetResult | null;

/** Anyone may ask; the answer never says whether the address has an account. */
export async function forgotPasswordAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  return requestPasswordReset({ input: { email: String(formData.get('email') ?? '') }, ip: clientIp(await headers()) });
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-password-form.client';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <main className="login" id="main">
      <h1>Forgot your password?</h1>
      <p>Give the address you sign in with; we will email a link to set a new password.</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/login">Back to sign-in</Link>
      </p>
    </main>
  );
}

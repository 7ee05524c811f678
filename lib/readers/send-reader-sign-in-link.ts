import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { signInMail } from '@/lib/readers/mail/sign-in-mail';
import { hashReaderToken } from './hash-reader-token';
import { signInPageUrl } from './sign-in-link';

/**
 * Auth.js's sendVerificationRequest for readers: the link goes into the outbox like all mail, and only
 * to addresses we hold. Its origin is SITE_URL, never the request's Host, which a client can set, and it
 * opens a page with a button, so a mail scanner opening the link does not spend it.
 */
export function sendReaderSignInLink({ identifier, url, token, expires }: { identifier: string; url: string; token: string; expires: Date }): void {
  const subscriber = getDb().select({ id: subscribers.id, email: subscribers.email }).from(subscribers).where(eq(subscribers.email, identifier)).get();
  if (!subscriber) return;
  const signInUrl = signInPageUrl({ siteUrl: getConfig().siteUrl, authUrl: url });
  const mail = signInMail({ subscriberId: subscriber.id, signInUrl, expiresInMinutes: Math.round((expires.getTime() - Date.now()) / 60_000) });
  enqueueMail({ ...mail, dedupeKey: `reader-sign-in:${subscriber.id}:${hashReaderToken(token).slice(0, 24)}`, kind: 'reader.sign-in', to: subscriber.email, subscriberId: subscriber.id });
}

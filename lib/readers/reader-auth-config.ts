import 'server-only';
import crypto from 'node:crypto';
import type { NextAuthConfig } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { getAuthSecret } from '@/lib/staff/auth/auth-secret';
import { getConfig } from '@/lib/platform/config/get-config';
import { readerAuthAdapter } from './reader-auth-adapter';
import { endReaderSessions, isReaderSessionCurrent } from './reader-sessions';
import { sendReaderSignInLink } from './send-reader-sign-in-link';
import { isReaderReturnPath } from './sign-in-link';

export const READER_AUTH_BASE_PATH = '/api/reader-auth';
export const READER_SIGN_IN_MINUTES = 30;
const READER_SESSION_DAYS = 30;

/** The readers' Auth.js configuration, read when a request needs it (SITE_URL and the secret may come from the data folder). */
export function readerAuthConfig(): NextAuthConfig {
  const { siteUrl, mail } = getConfig();
  const isSecure = siteUrl.startsWith('https://');
  const cookie = (name: string, { isHostOnly = false }: { isHostOnly?: boolean } = {}) => ({
    name: `${isSecure ? (isHostOnly ? '__Host-' : '__Secure-') : ''}masthead-reader.${name}`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: isSecure },
  });
  return {
    basePath: READER_AUTH_BASE_PATH,
    secret: crypto.createHmac('sha256', getAuthSecret()).update('masthead:reader-sessions').digest('base64url'),
    trustHost: true,
    adapter: readerAuthAdapter(),
    session: { strategy: 'jwt', maxAge: READER_SESSION_DAYS * 24 * 60 * 60 },
    cookies: {
      sessionToken: cookie('session-token'),
      callbackUrl: cookie('callback-url'),
      csrfToken: cookie('csrf-token', { isHostOnly: true }),
    },
    pages: { signIn: '/account', verifyRequest: '/account/check-email', error: '/account/sign-in-error' },
    providers: [
      Nodemailer({
        id: 'email',
        name: 'Email',
        // Unused: sendVerificationRequest below puts the message in the outbox instead of sending it.
        server: { jsonTransport: true },
        from: mail.from,
        maxAge: READER_SIGN_IN_MINUTES * 60,
        sendVerificationRequest: ({ identifier, url, token, expires }) => sendReaderSignInLink({ identifier, url, token, expires }),
      }),
    ],
    callbacks: {
      // Only the account pages (or the join page) afterwards, whatever the link was given.
      // Back on SITE_URL, never on the host a request claimed (behind `next start -H` it reads "localhost"), so the new cookie goes along.
      redirect({ url }) {
        let target: URL;
        try {
          target = new URL(url, siteUrl);
        } catch {
          return `${siteUrl}/account`;
        }
        return isReaderReturnPath(target.pathname) ? `${siteUrl}${target.pathname}${target.search}` : `${siteUrl}/account`;
      },
      // Every read of the session asks whether it has been ended; null makes Auth.js drop the cookie.
      jwt({ token, user }) {
        if (user) return { ...token, signedInAt: Date.now() };
        const signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : 0;
        return isReaderSessionCurrent({ subscriberId: Number(token.sub), signedInAt }) ? token : null;
      },
      session({ session, token }) {
        if (typeof token.sub === 'string') session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // Signing out ends the reader's sessions on every device, copies of this cookie included.
      signOut(message) {
        const subscriberId = Number('token' in message ? message.token?.sub : undefined);
        if (Number.isSafeInteger(subscriberId) && subscriberId > 0) endReaderSessions({ subscriberId });
      },
    },
  };
}

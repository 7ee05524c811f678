import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '@/db/schema';
import { getAuthSecret } from './auth-secret';
import { authenticateStaff } from './authenticate-staff';
import { clientIp } from './client-ip';
import { endSession, endSessionsOf } from './end-sessions';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: StaffRole } & DefaultSession['user'];
    /** When this session was signed in (ms); sessions older than the account's cut-off are over. */
    signedInAt?: number;
    /** This session's own id, so signing out ends it alone. */
    sessionId?: string;
  }
}

/** Tells the login page to say how long to wait rather than "wrong email or password"; the code carries the time (epoch seconds). */
export class RateLimitedSignin extends CredentialsSignin {
  constructor(retryAt: Date) {
    super();
    this.code = `rate_limited_${Math.ceil(retryAt.getTime() / 1000)}`;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const SESSION_HOURS = 12;

/**
 * Staff sign in with a password only, so no adapter is needed. But Auth.js checks configurations with
 * flags it keeps per process: once the readers' instance (magic links by email) has been checked, every
 * later check of this one also demands the adapter methods an email provider needs. These answer that
 * check and are never used: this instance has no email provider.
 */
const noEmailSignInAdapter: Adapter = {
  createVerificationToken: () => {
    throw new Error('Staff do not sign in by email.');
  },
  useVerificationToken: () => null,
  getUserByEmail: () => null,
};

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  adapter: noEmailSignInAdapter,
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an answer, not a server fault; the attempt is already in login_attempts.
    error(error) {
      // Class names are minified in a production build; the error's `type` is not.
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticateStaff({ ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok && result.reason === 'rate_limited') throw new RateLimitedSignin(result.retryAt);
        if (!result.ok) return null;
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    // Auth.js's own check throws on a callback that is not a URL, and the person then sees a
    // "Configuration" error; anything unreadable or elsewhere goes to the desk instead.
    redirect({ url, baseUrl }) {
      try {
        const target = new URL(url, baseUrl);
        return target.origin === new URL(baseUrl).origin ? target.href : `${baseUrl}/desk`;
      } catch {
        return `${baseUrl}/desk`;
      }
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: StaffRole }).role;
        token.signedInAt = Date.now();
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const role = STAFF_ROLES.find((candidate) => candidate === token.role);
      if (typeof token.uid === 'string' && role) {
        session.user.id = token.uid;
        session.user.role = role;
        session.signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : 0;
        if (typeof token.sid === 'string') session.sessionId = token.sid;
      }
      return session;
    },
  },
  events: {
    // A JWT cannot be taken back, so signing out records the session's id as ended: copies of the cookie
    // die with it. A cookie from before session ids existed ends the account's older sessions instead.
    signOut(message) {
      const token = 'token' in message ? message.token : null;
      const uid = Number(token?.uid);
      if (!Number.isInteger(uid) || uid <= 0) return;
      const expiresAt = typeof token?.exp === 'number' ? token.exp * 1000 : Date.now() + SESSION_HOURS * 60 * 60 * 1000;
      if (typeof token?.sid === 'string') endSession({ userId: uid, sessionId: token.sid, expiresAt });
      else endSessionsOf(uid);
    },
  },
}));

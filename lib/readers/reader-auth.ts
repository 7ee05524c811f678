import 'server-only';
import NextAuth from 'next-auth';
import { readerAuthConfig } from './reader-auth-config';

/**
 * Readers' sign-in, apart from staff's: its own base path, cookie names and secret, so a reader's
 * session can never be read as a staff one (or the other way round). Magic links by email only.
 */
export const {
  handlers: readerAuthHandlers,
  auth: readerAuth,
  signIn: readerSignIn,
  signOut: readerSignOut,
} = NextAuth(() => readerAuthConfig());

import { readerAuthHandlers } from '@/lib/readers/reader-auth';

/** Readers' magic-link sign-in (Auth.js under /api/reader-auth); staff sign in under /api/auth. */
export const { GET, POST } = readerAuthHandlers;

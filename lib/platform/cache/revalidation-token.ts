import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from '@/lib/staff/auth/auth-secret';

/** The bearer token for /api/internal/revalidate, derived from the auth secret that the server and the worker share. */
export function revalidationToken(): string {
  return crypto.createHmac('sha256', getAuthSecret()).update('masthead:revalidate-cache').digest('base64url');
}

/** Compares in constant time, so the answer's timing says nothing about the token. */
export function isRevalidationToken(candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(revalidationToken());
  const given = Buffer.from(candidate);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

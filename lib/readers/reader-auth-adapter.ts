import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { getDb } from '@/db/client';
import { readerSignInTokens, subscribers, type Subscriber } from '@/db/schema';

/**
 * The little Auth.js needs for readers' magic links with JWT sessions: a "user" is a subscriber,
 * found by address; sign-in tokens live in reader_sign_in_tokens (Auth.js hands over their hash).
 * Nobody becomes a subscriber by signing in: links are only made for addresses we already hold.
 */
export function readerAuthAdapter(): Adapter {
  return {
    async getUserByEmail(email) {
      const subscriber = getDb().select().from(subscribers).where(eq(subscribers.email, email.trim().toLowerCase())).get();
      return subscriber ? toAdapterUser(subscriber) : null;
    },
    async getUser(id) {
      const subscriberId = Number(id);
      if (!Number.isSafeInteger(subscriberId)) return null;
      const subscriber = getDb().select().from(subscribers).where(eq(subscribers.id, subscriberId)).get();
      return subscriber ? toAdapterUser(subscriber) : null;
    },
    async updateUser(user) {
      const subscriber = getDb().select().from(subscribers).where(eq(subscribers.id, Number(user.id))).get();
      if (!subscriber) throw new Error('That subscriber no longer exists.');
      return toAdapterUser(subscriber);
    },
    async createUser() {
      throw new Error('Readers are created by subscribing, not by signing in.');
    },
    async createVerificationToken(token) {
      const db = getDb();
      const isKnown = db.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.email, token.identifier)).get();
      // No row for unknown addresses: nothing is mailed to them either, and the page answers the same.
      if (!isKnown) return null;
      db.delete(readerSignInTokens).where(lt(readerSignInTokens.expiresAt, new Date())).run();
      db.insert(readerSignInTokens).values({ identifier: token.identifier, tokenHash: token.token, expiresAt: token.expires }).run();
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const row = getDb()
        .delete(readerSignInTokens)
        .where(and(eq(readerSignInTokens.identifier, identifier), eq(readerSignInTokens.tokenHash, token)))
        .returning()
        .get();
      return row ? { identifier: row.identifier, token: row.tokenHash, expires: row.expiresAt } : null;
    },
  };
}

function toAdapterUser(subscriber: Subscriber): AdapterUser {
  return { id: String(subscriber.id), email: subscriber.email, emailVerified: subscriber.confirmedAt ?? null };
}

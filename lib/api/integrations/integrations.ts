import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { integrations } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { recordAudit } from '@/lib/staff/audit/record-audit';

/** One integration as the desk lists it: the key is shown, as Ghost shows Content API keys (they are read-only and public). */
export type IntegrationSummary = {
  id: number;
  name: string;
  contentKey: string;
  readsMembersContent: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const integrationNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the integration a name, such as the site or tool that will use it.')
  .max(80, 'Keep the name to 80 characters or fewer.');

export type CreateIntegrationResult = { ok: true; integration: IntegrationSummary } | { ok: false; error: string; fieldErrors: Record<string, string> };

/**
 * A new integration with a fresh Content API key: 26 hex characters, as Ghost's clients expect. A members
 * key (`readsMembersContent`) is answered members-only articles in full.
 */
export function createIntegration({ name, readsMembersContent = false, actorId }: { name: unknown; readsMembersContent?: boolean; actorId: number | null }): CreateIntegrationResult {
  const parsed = integrationNameSchema.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'That name is not valid.';
    return { ok: false, error: message, fieldErrors: { name: message } };
  }
  const row = getDb().transaction((tx) => {
    const created = tx.insert(integrations).values({ name: parsed.data, contentKey: newContentKey(), readsMembersContent, createdBy: actorId }).returning().get();
    recordAudit(tx, { actorId, action: 'integration.create', subjectType: 'integration', subjectId: created.id, note: readsMembersContent ? `${created.name} (members key)` : created.name });
    return created;
  });
  return { ok: true, integration: summaryOf(row) };
}

/** Every integration, newest first, revoked ones included so the desk can show when they stopped. */
export function listIntegrations(): IntegrationSummary[] {
  return getDb().select().from(integrations).orderBy(desc(integrations.createdAt), desc(integrations.id)).all().map(summaryOf);
}

export function getIntegration(id: number): IntegrationSummary | null {
  const row = getDb().select().from(integrations).where(eq(integrations.id, id)).get();
  return row ? summaryOf(row) : null;
}

/** Stops the key at once: the next request with it is refused. Revoking twice changes nothing. */
export function revokeIntegration({ id, actorId, now = new Date() }: { id: number; actorId: number | null; now?: Date }): IntegrationSummary {
  return getDb().transaction((tx) => {
    const row = tx.select().from(integrations).where(eq(integrations.id, id)).get();
    if (!row) throw new NotFoundError('That integration does not exist.');
    if (row.revokedAt) return summaryOf(row);
    recordAudit(tx, { actorId, action: 'integration.revoke', subjectType: 'integration', subjectId: id, note: row.name });
    return summaryOf(tx.update(integrations).set({ revokedAt: now }).where(eq(integrations.id, id)).returning().get());
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The integration holding this Content API key, or null for an unknown or revoked one. Notes when the
 * key was last used, at most once a minute, so reading does not turn every request into a write.
 */
export function findIntegrationByKey({ key, now = new Date() }: { key: string; now?: Date }): { id: number; name: string; readsMembersContent: boolean } | null {
  const db = getDb();
  const row = db
    .select({ id: integrations.id, name: integrations.name, readsMembersContent: integrations.readsMembersContent, lastUsedAt: integrations.lastUsedAt })
    .from(integrations)
    .where(and(eq(integrations.contentKey, key), isNull(integrations.revokedAt)))
    .get();
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    db.update(integrations).set({ lastUsedAt: now }).where(eq(integrations.id, row.id)).run();
  }
  return { id: row.id, name: row.name, readsMembersContent: row.readsMembersContent };
}

function newContentKey(): string {
  return randomBytes(13).toString('hex');
}

function summaryOf(row: typeof integrations.$inferSelect): IntegrationSummary {
  return { id: row.id, name: row.name, contentKey: row.contentKey, readsMembersContent: row.readsMembersContent, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}

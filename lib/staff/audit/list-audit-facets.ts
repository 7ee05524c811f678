import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type AuditFacets = { actions: string[]; subjectTypes: string[]; actors: { id: number; name: string }[] };

/** What the audit log's filters can offer: the actions, kinds of subject and people it holds. 'audit.view' only. */
export function listAuditFacets({ actor }: { actor: StaffIdentity }): AuditFacets {
  assertCan({ role: actor.role, action: 'audit.view' });
  const db = getDb();
  const actions = db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all();
  const subjectTypes = db.selectDistinct({ value: auditLog.subjectType }).from(auditLog).orderBy(asc(auditLog.subjectType)).all();
  const actors = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(asc(sql`${users.name} collate nocase`))
    .all();
  return { actions: actions.map((row) => row.value), subjectTypes: subjectTypes.map((row) => row.value), actors };
}

import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { AuditPage } from './audit-entry-view';
import { labelAuditSubjects } from './label-audit-subjects';

export const DEFAULT_AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 200;

export type AuditFilters = {
  subjectType?: string | null;
  subjectId?: number | null;
  action?: string | null;
  actorId?: number | null;
  /** Entries older than this id: the cursor of the next page. */
  before?: number | null;
  limit?: number;
};

/** The query behind every audit view; callers authorize first. */
export function readAuditPage({ subjectType, subjectId, action, actorId, before, limit = DEFAULT_AUDIT_PAGE_SIZE }: AuditFilters): AuditPage {
  const size = Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_AUDIT_PAGE_SIZE) : DEFAULT_AUDIT_PAGE_SIZE;
  const db = getDb();
  const rows = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      note: auditLog.note,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        subjectType ? eq(auditLog.subjectType, subjectType) : undefined,
        isId(subjectId) ? eq(auditLog.subjectId, subjectId) : undefined,
        action ? eq(auditLog.action, action) : undefined,
        isId(actorId) ? eq(auditLog.actorId, actorId) : undefined,
        isId(before) ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(size + 1)
    .all();
  const page = rows.slice(0, size);
  const labels = labelAuditSubjects(db, page);
  return {
    entries: page.map((row) => ({ ...row, subjectLabel: row.subjectId === null ? null : (labels.get(`${row.subjectType}:${row.subjectId}`) ?? null) })),
    nextBefore: rows.length > size ? page[page.length - 1]!.id : null,
  };
}

function isId(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

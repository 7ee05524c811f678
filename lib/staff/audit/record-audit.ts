import 'server-only';
import { auditLog } from '@/db/schema';
import type { Db } from '@/db/client';

export type AuditInput = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: number | null;
  note?: string;
  data?: Record<string, unknown>;
};

/** Appends to the audit log; pass the transaction when the audited change runs in one. */
export function recordAudit(db: Pick<Db, 'insert'>, entry: AuditInput): void {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      note: entry.note ?? '',
      data: entry.data ?? null,
    })
    .run();
}

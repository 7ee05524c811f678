/** One line of the audit log as the desk shows it: who (by name), what, to which thing, when. */
export type AuditEntryView = {
  id: number;
  action: string;
  subjectType: string;
  subjectId: number | null;
  /** The subject's current name or title, when it still exists and has one. */
  subjectLabel: string | null;
  note: string;
  data: Record<string, unknown> | null;
  createdAt: Date;
  actorId: number | null;
  /** Null when nobody acted (the worker) or the account is gone. */
  actorName: string | null;
};

export type AuditPage = { entries: AuditEntryView[]; nextBefore: number | null };

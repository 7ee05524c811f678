import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issues, type Issue } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** The issue row, or NotFound with a sentence for the desk. */
export function loadIssue(db: Pick<Db, 'select'>, id: number): Issue {
  const issue = Number.isInteger(id) && id > 0 ? db.select().from(issues).where(eq(issues.id, id)).get() : undefined;
  if (!issue) throw new NotFoundError('That issue does not exist, or it has been deleted.');
  return issue;
}

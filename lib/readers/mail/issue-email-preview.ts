import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { issueMail } from './issue-mail';
import { issueMailContent } from './issue-mail-content';
import { readerMailLinks } from './reader-mail-headers';

export type IssueEmailPreview = { issueId: number; issueTitle: string; isPublished: boolean; subject: string; text: string; html: string; headers: Record<string, string> };

/**
 * The issue email as subscribers would get it — of a published issue, what went out; before
 * publication, what publishing now would send. Its unsubscribe link stands for nobody.
 */
export function issueEmailPreview({ actor, issueId }: { actor: StaffIdentity; issueId: number }): IssueEmailPreview {
  assertCan({ role: actor.role, action: 'mail.view' });
  const issue = getDb().select({ status: issues.status, title: issues.title }).from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new NotFoundError('That issue does not exist, or it has been deleted.');
  const isPublished = issue.status === 'published';
  const content = issueMailContent({ issueId, mode: isPublished ? 'published' : 'preview' })!;
  const links = readerMailLinks(0);
  const mail = issueMail({ content, footer: { reason: 'You get the issue email because you subscribed to Masthead.', unsubscribeUrl: links.unsubscribeUrl, accountUrl: links.accountUrl } });
  return { issueId, issueTitle: issue.title, isPublished, ...mail, headers: links.headers };
}

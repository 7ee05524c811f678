import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { issueEmailPreview } from '@/lib/readers/mail/issue-email-preview';
import { SendTestForm } from './send-test-form.client';
import styles from './email-preview.module.css';

export const metadata: Metadata = { title: 'Issue email preview', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The issue email as subscribers will see it, in HTML (in a sandboxed frame) and plain text. */
export default async function IssueEmailPreviewPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const issueId = Number(id);
  const staff = await requireStaff({ returnTo: `/desk/issues/${id}/email-preview` });
  if (!Number.isSafeInteger(issueId) || issueId <= 0) notFound();
  if (!can({ role: staff.role, action: 'mail.view' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Issue email preview</h1>
        <p>You are not allowed to see the site’s mail; editors and administrators can.</p>
      </DeskShell>
    );
  }
  let preview;
  try {
    preview = issueEmailPreview({ actor: staff, issueId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <DeskShell staff={staff} isWide>
      <p>
        <Link href={`/desk/issues/${issueId}`}>← {preview.issueTitle}</Link>
      </p>
      <h1>Issue email preview</h1>
      <p className="meta">
        {preview.isPublished ? 'This issue is published: this is the email subscribers got.' : 'Before publication: what publishing now would send, with the approved and published articles in the issue.'}
      </p>
      <dl>
        <dt>Subject</dt>
        <dd>{preview.subject}</dd>
      </dl>
      {can({ role: staff.role, action: 'issue.manage' }) ? <SendTestForm issueId={issueId} /> : null}
      <h2>HTML</h2>
      {/* No scripts, no same-origin access, no forms: the frame can only show the message. */}
      <iframe title={`HTML version of ${preview.subject}`} sandbox="" srcDoc={preview.html} className={`mail-frame ${styles.frame}`} />
      <h2>Plain text</h2>
      <pre className={`preformatted ${styles.text}`}>{preview.text}</pre>
    </DeskShell>
  );
}

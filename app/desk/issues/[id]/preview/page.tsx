import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { IssuePageView } from '@/components/site/issue-page-view';
import { SiteHeader } from '@/components/site/site-header';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { getIssuePreview } from '@/lib/issues/get-issue-preview';

export const metadata: Metadata = { title: 'Issue preview', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The reader's issue page with every article planned for it, before publication. Staff who manage issues only. */
export default async function IssuePreviewPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/issues/${id}/preview` });
  const issue = readOrNotFound(() => getIssuePreview({ id: Number(id), actor: staff }));
  if ('forbidden' in issue) return <p>{issue.forbidden}</p>;
  return (
    <>
      <p className="preview-banner" role="note">
        Preview of the issue as planned — not public. Every article in it is listed, published or not. <Link href={`/desk/issues/${id}`}>Back to the planner</Link>
      </p>
      <SiteHeader />
      <main id="main" className="site-main">
        <IssuePageView issue={issue} emptyText="No articles in this issue yet." />
      </main>
    </>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { IssueArchive } from '@/components/site/issue-archive';
import { listIssueArchive } from '@/lib/issues/list-issue-archive';

export const metadata: Metadata = {
  title: 'Issues',
  description: 'Every issue of the magazine, newest first, with its cover and table of contents.',
  alternates: { canonical: '/issues' },
};

export default async function IssuesPage() {
  await connection();
  const years = listIssueArchive();
  return (
    <>
      <h1>Issues</h1>
      <IssueArchive years={years} />
    </>
  );
}

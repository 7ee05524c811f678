import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listPublishedIssues } from '@/lib/issues/get-issue';

export const metadata: Metadata = { title: 'Issues' };

export default async function IssuesPage() {
  await connection();
  const issues = listPublishedIssues();
  return (
    <>
      <h1>Issues</h1>
      <ul className="issue-list">
        {issues.map((issue) => (
          <li key={issue.id}>
            <Link href={`/issues/${issue.slug}`}>{issue.title}</Link>{' '}
            <span className="meta">
              Volume {issue.volume}, Number {issue.number}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

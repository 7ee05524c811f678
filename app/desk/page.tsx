import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/components/desk/desk-shell';
import { formatDate } from '@/components/ui/format-date';
import { listDeskArticles } from '@/lib/articles/list-desk-articles';
import { requireStaff } from '@/lib/auth/current-staff';
import { countUsers } from '@/lib/users/create-staff-user';
import { FirstAdminForm } from './first-admin-form.client';

export const metadata: Metadata = { title: 'Desk', robots: { index: false } };

const STATUS_LABELS = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
} as const;

export default async function DeskPage() {
  await connection();
  if (countUsers() === 0) {
    return (
      <main className="login" id="main">
        <h1>Create the first administrator</h1>
        <p>This Masthead has no staff accounts yet. The account you create here can then invite everyone else.</p>
        <FirstAdminForm />
      </main>
    );
  }
  const staff = await requireStaff({ returnTo: '/desk' });
  const rows = listDeskArticles({ actor: staff });
  return (
    <DeskShell staff={staff}>
      <h1>Articles</h1>
      <p>
        <Link href="/desk/articles/new">Start a new article</Link>
      </p>
        {rows.length === 0 ? (
          <p>No articles yet.</p>
        ) : (
          <table className="desk-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Authors</th>
                <th scope="col">Issue</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/desk/articles/${row.id}`}>{row.title}</Link>
                  </td>
                  <td>
                    <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
                  </td>
                  <td>{row.authors.map((author) => author.name).join(', ')}</td>
                  <td>{row.issue?.title ?? '—'}</td>
                  <td>{formatDate(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </DeskShell>
  );
}

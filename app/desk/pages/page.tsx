import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { NewPageForm } from '@/components/desk/pages/new-page-form';
import { PagesTabs } from '@/components/desk/pages/pages-tabs';
import styles from '@/components/desk/pages/pages.module.css';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/components/ui/format-date';
import { listPages } from '@/lib/site/pages/list-pages';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { createPageAction } from './actions';
import { PagesRefused } from './desk-page-access';

export const metadata: Metadata = { title: 'Pages', robots: { index: false } };

type Props = { searchParams: Promise<{ deleted?: string }> };

/** The site's standalone pages (About, Masthead, Contact): each with its status, and a form to start another. */
export default async function DeskPagesPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/pages' });
  if (!can({ role: staff.role, action: 'page.edit' })) return <PagesRefused staff={staff} heading="Pages" />;
  const pages = listPages();
  const { deleted } = await searchParams;
  return (
    <DeskShell staff={staff}>
      <h1>Pages</h1>
      <PagesTabs current="pages" canManageNavigation={can({ role: staff.role, action: 'navigation.manage' })} />
      {deleted ? <p role="status">The page was deleted.</p> : null}
      <p className="hint">Standalone pages live at /&lt;slug&gt;. They are in the sitemap, but never in feeds, issues or search.</p>
      {pages.length === 0 ? (
        <EmptyState>No pages yet. Start with About or Submission guidelines below.</EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Pages">
          {pages.map((page) => (
            <li key={page.id} className={styles.row}>
              <Link href={`/desk/pages/${page.id}`}>{page.title}</Link>
              <span className="meta">/{page.slug}</span>
              <Badge kind="status" tone={page.status === 'published' ? 'positive' : 'neutral'}>
                {page.status === 'published' ? (page.hasUnpublishedChanges ? 'Published, with changes not yet public' : 'Published') : 'Draft'}
              </Badge>
              <span className="meta">Saved {formatDate(page.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>New page</h2>
      <NewPageForm action={createPageAction} />
    </DeskShell>
  );
}

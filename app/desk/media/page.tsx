import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { listEditableMediaIds } from '@/lib/media/list-editable-media-ids';
import { listMedia } from '@/lib/media/list-media';
import { MediaLibrary } from './media-library.client';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Media', robots: { index: false } };

const PAGE_SIZE = 100;

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/media' });
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 200) ?? '';
  const canManageMedia = can({ role: staff.role, action: 'media.upload' });
  const items = canManageMedia ? listMedia({ query, limit: PAGE_SIZE }) : [];
  return (
    <DeskShell staff={staff}>
      <h1>Media</h1>
      {canManageMedia ? (
        <>
          <form method="get" action="/desk/media" role="search" className="filter-bar">
            <label className="filter-field">
              Search by alt text, caption, credit or file name
              <input type="search" name="q" defaultValue={query} />
            </label>
            <Button type="submit">Search</Button>
            {query ? <Link href="/desk/media">Show all images</Link> : null}
          </form>
          <MediaLibrary items={items} editableIds={listEditableMediaIds({ actor: staff, ids: items.map((item) => item.id) })} query={query} />
        </>
      ) : (
        <p>You do not have permission to manage images.</p>
      )}
    </DeskShell>
  );
}

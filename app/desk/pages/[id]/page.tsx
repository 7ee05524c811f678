import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { PageEditor } from '@/components/desk/pages/page-editor';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { getPageForEdit } from '@/lib/site/pages/list-pages';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { deletePageAction, publishPageAction, savePageAction, unpublishPageAction } from '../actions';
import { PagesRefused } from '../desk-page-access';

export const metadata: Metadata = { title: 'Edit page', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditPagePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/pages/${id}` });
  if (!can({ role: staff.role, action: 'page.edit' })) return <PagesRefused staff={staff} heading="Edit page" />;
  const page = readPage(Number(id));
  return (
    <DeskShell staff={staff} isWide>
      <h1>Edit page: {page.title}</h1>
      <PageEditor
        page={page}
        canPublish={can({ role: staff.role, action: 'page.publish' })}
        actions={{ save: savePageAction, publish: publishPageAction, unpublish: unpublishPageAction, remove: deletePageAction }}
      />
    </DeskShell>
  );
}

function readPage(id: number) {
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  try {
    return getPageForEdit(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

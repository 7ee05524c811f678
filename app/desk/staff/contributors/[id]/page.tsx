import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { canManageContributors } from '@/lib/staff/users/can-manage-contributors';
import { getGuestContributor } from '@/lib/staff/users/get-guest-contributor';
import { updateContributorAction } from '../../actions';
import { ContributorForm } from '../../contributor-form.client';

export const metadata: Metadata = { title: 'Guest contributor', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function GuestContributorPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/staff/contributors/${id}` });
  if (!canManageContributors(staff.role)) {
    return (
      <DeskShell staff={staff}>
        <h1>Guest contributor</h1>
        <p>You are not allowed to change guest contributors; ask an editor.</p>
      </DeskShell>
    );
  }
  const contributor = readOrNotFound(() => getGuestContributor({ actor: staff, id: Number(id) }));
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/staff">← Staff and contributors</Link>
      </p>
      <h1>{contributor.name}</h1>
      <ContributorForm
        action={updateContributorAction}
        contributorId={contributor.id}
        initial={{ name: contributor.name, slug: contributor.slug, bio: contributor.bio }}
        submitLabel="Save"
      />
    </DeskShell>
  );
}

function readOrNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

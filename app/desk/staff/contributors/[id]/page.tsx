import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { canManageContributors } from '@/lib/staff/users/can-manage-contributors';
import { REVIEW_REFUSAL } from '@/lib/staff/users/can-review-contributors';
import { getGuestContributor } from '@/lib/staff/users/get-guest-contributor';
import { listMergeTargets } from '@/lib/staff/users/list-merge-targets';
import { approveContributorAction, deleteContributorAction, mergeContributorAction, updateContributorAction } from '../../actions';
import { ContributorForm } from '../../contributor-form.client';
import '../../staff.css';
import { ApproveGuestForm, DeleteGuestForm, MergeGuestForm } from './guest-review-forms.client';

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
        <p role="alert">{REVIEW_REFUSAL}</p>
      </DeskShell>
    );
  }
  const contributor = readOrNotFound(() => getGuestContributor({ actor: staff, id: Number(id) }));
  const targets = listMergeTargets({ actor: staff, exceptId: contributor.id });
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/staff">← Staff and contributors</Link>
      </p>
      <h1>
        {contributor.name} {contributor.isPending ? <span className="role-badge review-badge">Awaiting review</span> : null}
      </h1>
      {contributor.isPending ? (
        <ApproveGuestForm
          action={approveContributorAction}
          contributorId={contributor.id}
          initial={{ name: contributor.name, affiliation: contributor.affiliation, slug: contributor.slug }}
        />
      ) : (
        <ContributorForm
          action={updateContributorAction}
          contributorId={contributor.id}
          initial={{ name: contributor.name, slug: contributor.slug, affiliation: contributor.affiliation, bio: contributor.bio }}
          submitLabel="Save"
        />
      )}
      <MergeGuestForm action={mergeContributorAction} contributorId={contributor.id} name={contributor.name} targets={targets} />
      <DeleteGuestForm action={deleteContributorAction} contributorId={contributor.id} name={contributor.name} />
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

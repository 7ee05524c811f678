import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import type { EntityKind } from '@/lib/entities/entity-types';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { createEntityAction } from '../actions';
import { EntityForm } from '../entity-form.client';

export const metadata: Metadata = { title: 'New entity', robots: { index: false } };

const KINDS = Object.keys(ENTITY_KIND_LABELS) as EntityKind[];

type Props = { searchParams: Promise<{ kind?: string | string[]; name?: string | string[] }> };

/** `?kind=person&name=…` starts the form filled in, e.g. from a name the editor spotted in an article. */
export default async function NewEntityPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/entities/new' });
  const params = await searchParams;
  const kindParam = [params.kind].flat()[0];
  const name = [params.name].flat()[0]?.slice(0, 200) ?? '';
  const kind = KINDS.find((option) => option === kindParam) ?? '';
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/entities">← All entities</Link>
      </p>
      <h1>New entity</h1>
      {can({ role: staff.role, action: 'entity.create' }) ? (
        <EntityForm action={createEntityAction} initial={{ kind, name, slug: '', description: '', wikidataId: '', facts: {} }} submitLabel="Create entity" />
      ) : (
        <p>You do not have permission to add entities.</p>
      )}
    </DeskShell>
  );
}

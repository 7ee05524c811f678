import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskTable } from '@/components/desk/desk-table';
import { EntityPagination } from '@/components/desk/entity-pagination';
import { Select } from '@/components/ui/select';
import type { EntityKind } from '@/lib/entities/entity-types';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { listEntities } from '@/lib/entities/list-entities';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Entities', robots: { index: false } };

const PAGE_SIZE = 50;
const KINDS = Object.keys(ENTITY_KIND_LABELS) as EntityKind[];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntitiesPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/entities' });
  const params = await searchParams;
  const query = first(params.q)?.trim().slice(0, 200) ?? '';
  const kindParam = first(params.kind);
  const kind = KINDS.find((option) => option === kindParam) ?? null;
  const deleted = first(params.deleted);
  const status = first(params.status) === 'pending' ? 'pending' : null;
  const list = listEntities({ query, kind, status, page: Number(first(params.page) ?? 1), pageSize: PAGE_SIZE });
  const isFiltered = query !== '' || kind !== null || status !== null;
  const canEdit = can({ role: staff.role, action: 'entity.edit' });
  const openLabel = canEdit ? 'Edit' : 'View';
  return (
    <DeskShell staff={staff} isWide>
      <h1>Entities</h1>
      <p>
        The knowledge base: countries, treaties, people, organizations and topics that articles mention.{' '}
        {can({ role: staff.role, action: 'entity.create' }) ? <Link href="/desk/entities/new">New entity</Link> : null}
      </p>
      {canEdit ? null : (
        <p className="hint">You can look entities up and add new ones, which readers see once an editor approves them; editors change, merge and delete entities.</p>
      )}
      <div aria-live="polite">
        {deleted ? (
          <p role="status" className="notice">
            Deleted “{deleted}”.
          </p>
        ) : null}
      </div>
      <form method="get" action="/desk/entities" role="search" className="filter-bar">
        <label className="filter-field">
          Search names and aliases
          <input type="search" name="q" defaultValue={query} maxLength={200} />
        </label>
        <label className="filter-field">
          Kind
          <Select name="kind" defaultValue={kind ?? ''} emptyLabel="All kinds" options={KINDS.map((option) => ({ value: option, label: ENTITY_KIND_LABELS[option].many }))} />
        </label>
        <label className="filter-field">
          Status
          <Select name="status" defaultValue={status ?? ''} emptyLabel="Any status" options={[{ value: 'pending', label: 'Waiting for approval' }]} />
        </label>
        <Button type="submit">Search</Button>
        {isFiltered ? <Link href="/desk/entities">Show all</Link> : null}
      </form>
      <p className="meta" role="status">
        {describeCount({ total: list.total, isFiltered })}
      </p>
      {list.rows.length === 0 ? null : (
        <DeskTable columns={['Name', 'Kind', 'Aliases', 'Articles']} hasActions>
          {list.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/desk/entities/${row.id}`}>{row.name}</Link>
                {row.matchedAliases.length > 0 ? <span className="meta"> (also: {row.matchedAliases.join(', ')})</span> : null}
                {row.isPending ? (
                  <>
                    {' '}
                    <Badge kind="status" tone="waiting">Waiting for approval</Badge>
                  </>
                ) : null}
              </td>
              <td>{ENTITY_KIND_LABELS[row.kind].one}</td>
              <td>{row.aliasCount}</td>
              <td>{row.articleCount}</td>
              <td>
                <Link href={`/desk/entities/${row.id}`} aria-label={`${openLabel} ${row.name}`}>
                  {openLabel}
                </Link>
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
      <EntityPagination page={list.page} pageCount={list.pageCount} params={{ q: query, kind: kind ?? '', status: status ?? '' }} />
    </DeskShell>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describeCount({ total, isFiltered }: { total: number; isFiltered: boolean }): string {
  if (total === 0) return isFiltered ? 'No entities match.' : 'No entities yet.';
  const noun = total === 1 ? 'entity' : 'entities';
  return isFiltered ? `${total} ${noun} match.` : `${total} ${noun}.`;
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { IMPORT_REFUSALS } from '@/app/api/desk/import/import-refusals';
import { CommitDryRunForm } from '@/components/desk/import/commit-dry-run-form';
import { IMPORT_SOURCE_LABELS, IMPORT_STATUS_LABELS } from '@/components/desk/import/import-labels';
import { ImportReport } from '@/components/desk/import/import-report';
import { Badge } from '@/components/ui/badge';
import { getImportRun } from '@/lib/migration/import/import-runs';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { commitDryRunAction } from '../actions';
import { ImportProgress } from './import-progress.client';

export const metadata: Metadata = { title: 'Import', robots: { index: false } };

export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/import/${id}` });
  if (!can({ role: staff.role, action: 'import.run' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Import</h1>
        <p role="alert">{IMPORT_REFUSALS.forbidden}</p>
      </DeskShell>
    );
  }
  const run = /^\d+$/.test(id) ? getImportRun(Number(id)) : null;
  if (!run) notFound();
  const status = IMPORT_STATUS_LABELS[run.status]!;
  const isActive = run.status === 'queued' || run.status === 'running';
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/import">All imports</Link>
      </p>
      <h1>
        {run.isDryRun ? 'Dry run' : 'Import'} of {run.fileName}
      </h1>
      <p>
        {IMPORT_SOURCE_LABELS[run.source] ?? run.source} · {run.fetchImages ? 'images fetched from the old site' : 'images not fetched'} ·{' '}
        <Badge kind="status" tone={status.tone} data-testid="import-status">
          {status.label}
        </Badge>
      </p>
      {run.fromDryRunId ? (
        <p>
          Started from <Link href={`/desk/import/${run.fromDryRunId}`}>its dry run</Link>.
        </p>
      ) : null}
      {isActive ? <ImportProgress runId={run.id} initial={{ status: run.status, progressDone: run.progressDone, progressTotal: run.progressTotal }} /> : null}
      {run.status === 'failed' ? (
        <p role="alert" className="field-error">
          The import stopped: {run.error}
        </p>
      ) : null}
      {run.status === 'done' ? (
        <>
          <ImportReport counts={run.counts} warnings={run.warnings} isDryRun={run.isDryRun} />
          {run.isDryRun && run.realRunId ? (
            <p>
              Imported for real: <Link href={`/desk/import/${run.realRunId}`}>see that import</Link>.
            </p>
          ) : null}
          {run.isDryRun && !run.realRunId ? (
            <section aria-labelledby="commit-heading">
              <h2 id="commit-heading">Import it</h2>
              <p>Import the same file with the same options. Running it again later updates what changed and creates nothing twice.</p>
              <CommitDryRunForm runId={run.id} action={commitDryRunAction} />
            </section>
          ) : null}
        </>
      ) : null}
    </DeskShell>
  );
}

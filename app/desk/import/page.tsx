import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { IMPORT_REFUSALS } from '@/app/api/desk/import/import-refusals';
import { ImportRunList } from '@/components/desk/import/import-run-list';
import { listImportRuns } from '@/lib/migration/import/import-runs';
import { IMPORT_MAX_BYTES } from '@/lib/migration/import/store-import-file';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { ImportUploadForm } from './import-upload-form.client';

export const metadata: Metadata = { title: 'Import and export', robots: { index: false } };

export default async function ImportPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/import' });
  if (!can({ role: staff.role, action: 'import.run' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Import and export</h1>
        <p role="alert">{IMPORT_REFUSALS.forbidden} Ask an administrator to move content in or out.</p>
      </DeskShell>
    );
  }
  const { timeZone } = getSiteSettings();
  return (
    <DeskShell staff={staff}>
      <h1>Import and export</h1>
      <p>
        Bring in a WordPress or Ghost archive, or a subscriber list. Leaving? <Link href="/desk/export">Export everything</Link>.
      </p>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import a file</h2>
        <ImportUploadForm uploadUrl="/api/desk/import/upload" maxBytes={IMPORT_MAX_BYTES} />
      </section>
      <section aria-labelledby="past-imports-heading">
        <h2 id="past-imports-heading">Past imports</h2>
        <ImportRunList runs={listImportRuns({ limit: 50 })} formatTime={(instant) => formatInZone({ instant, timeZone })} />
      </section>
    </DeskShell>
  );
}

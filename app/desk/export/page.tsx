import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { Button } from '@/components/ui/button';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';

export const metadata: Metadata = { title: 'Export', robots: { index: false } };

export default async function ExportPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/export' });
  if (!can({ role: staff.role, action: 'export.download' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Export</h1>
        <p>Only administrators can download the export; ask one of them.</p>
      </DeskShell>
    );
  }
  return (
    <DeskShell staff={staff}>
      <h1>Export</h1>
      <p>
        Download the whole magazine as one zip: everything another Masthead needs to show the same public site, and a
        WordPress file for moving to WordPress.
      </p>
      <ul>
        <li>
          <code>masthead-export.json</code>: settings, sections, contributors, entities, issues, articles with their
          published text, corrections, pages, menus and redirects, described by <code>docs/export-schema.json</code>.
        </li>
        <li>
          <code>subscribers.csv</code>: every subscriber with their consent (status, when confirmed, when unsubscribed).
        </li>
        <li>
          <code>redirects.csv</code>, <code>wordpress.xml</code> (WordPress WXR 1.2) and <code>media/</code> (each image’s
          original and resized files).
        </li>
      </ul>
      <p>Staff accounts, passwords and keys are never part of it. The download is noted in the audit log.</p>
      <form method="get" action="/api/desk/export">
        <Button type="submit">Download the export (zip)</Button>
      </form>
      <p>
        On the server, <code>npm run export -- &lt;folder&gt;</code> writes the same files to a folder.
      </p>
    </DeskShell>
  );
}

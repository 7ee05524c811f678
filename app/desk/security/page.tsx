import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { CSP_VIOLATIONS_REFUSAL, listCspViolations } from '@/lib/site/csp-reports/list-csp-violations';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';
import { DeskTable } from '@/components/desk/desk-table';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Security reports', robots: { index: false } };

/** What browsers refused to run or load under the site's Content-Security-Policy, most recent first. */
export default async function SecurityReportsPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/security' });
  if (!can({ role: staff.role, action: 'settings.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Security reports</h1>
        <p>{CSP_VIOLATIONS_REFUSAL}</p>
      </DeskShell>
    );
  }
  const violations = listCspViolations({ actor: staff });
  const { timeZone } = getSiteSettings();
  return (
    <DeskShell staff={staff} isWide>
      <h1>Security reports</h1>
      <p className="meta">
        Browsers report what the Content-Security-Policy stopped: a script, a frame or a string handed to the page as HTML. One row per distinct
        report, with how often it came; addresses are shown without their query strings. Times are in {timeZone}.
      </p>
      {violations.length === 0 ? (
        <EmptyState>No browser has reported a violation.</EmptyState>
      ) : (
        <DeskTable
          columns={['Last seen', 'Directive', 'Blocked', 'On page', 'Source', 'Times']}
          caption="Reported Content-Security-Policy violations"
          captionClassName="visually-hidden"
        >
          {violations.map((violation) => (
            <tr key={violation.id}>
              <td>
                <time dateTime={violation.lastSeenAt.toISOString()}>{formatInZone({ instant: violation.lastSeenAt, timeZone })}</time>
              </td>
              <td>
                <code>{violation.directive}</code>
                {violation.disposition === 'report' ? ' (report only)' : null}
              </td>
              <td>
                <code>{violation.blockedUrl || '(none)'}</code>
                {violation.sample ? (
                  <>
                    <br />
                    <small>{violation.sample}</small>
                  </>
                ) : null}
              </td>
              <td>{violation.documentUrl}</td>
              <td>{violation.sourceFile ? `${violation.sourceFile}${violation.lineNumber ? `:${violation.lineNumber}:${violation.columnNumber ?? 0}` : ''}` : '—'}</td>
              <td>{violation.count}</td>
            </tr>
          ))}
        </DeskTable>
      )}
    </DeskShell>
  );
}

import type { ImportCounts } from '@/lib/migration/import/import-runs';
import type { ImportWarning } from '@/lib/migration/import/import-model';
import { DeskTable } from '@/components/desk/desk-table';
import { EmptyState } from '@/components/ui/empty-state';
import styles from './import-report.module.css';

const COLUMNS = ['created', 'updated', 'unchanged', 'skipped', 'failed'] as const;
const COLUMN_LABELS: Record<(typeof COLUMNS)[number], string> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped', failed: 'Failed' };
/** A page with tens of thousands of rows helps nobody; the full list stays in the run. */
const SHOWN_WARNINGS = 1_000;

/** A finished run's report: what each kind of item became (or would become), and every warning with its item. */
export function ImportReport({ counts, warnings, isDryRun }: { counts: ImportCounts; warnings: ImportWarning[]; isDryRun: boolean }) {
  const kinds = Object.keys(counts).sort();
  return (
    <>
      <h2 id="counts-heading">{isDryRun ? 'What importing would do' : 'What was imported'}</h2>
      {isDryRun ? <p>This was a dry run: nothing was saved. The numbers say what importing the file for real would create, update and skip.</p> : null}
      {kinds.length === 0 ? (
        <EmptyState>The file held nothing to import.</EmptyState>
      ) : (
        <DeskTable labelledBy="counts-heading" columns={['Kind', ...COLUMNS.map((column) => ({ name: COLUMN_LABELS[column], className: styles.number }))]}>
          {kinds.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{kind}</th>
              {COLUMNS.map((column) => (
                <td key={column} className={styles.number} data-column={column}>
                  {counts[kind]![column].toLocaleString('en')}
                </td>
              ))}
            </tr>
          ))}
        </DeskTable>
      )}
      <h2 id="warnings-heading">Warnings ({warnings.length.toLocaleString('en')})</h2>
      {warnings.length === 0 ? (
        <EmptyState>No warnings: nothing was dropped or left out.</EmptyState>
      ) : (
        <>
          <DeskTable labelledBy="warnings-heading" columns={['Item', 'What happened']}>
            {warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => (
              <tr key={index}>
                <td>{warning.item}</td>
                <td>{warning.message}</td>
              </tr>
            ))}
          </DeskTable>
          {warnings.length > SHOWN_WARNINGS ? <p className="meta">The first {SHOWN_WARNINGS.toLocaleString('en')} are shown; `npm run import` prints them all.</p> : null}
        </>
      )}
    </>
  );
}

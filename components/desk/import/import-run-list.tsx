import Link from 'next/link';
import type { ImportRunView } from '@/lib/migration/import/import-runs';
import { DeskTable } from '@/components/desk/desk-table';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { IMPORT_SOURCE_LABELS, IMPORT_STATUS_LABELS } from './import-labels';

/** Past imports, newest first, each linking to its progress or report. */
export function ImportRunList({ runs, formatTime }: { runs: ImportRunView[]; formatTime: (instant: Date) => string }) {
  if (runs.length === 0) return <EmptyState>No imports yet: upload an export above to see what it holds.</EmptyState>;
  return (
    <DeskTable labelledBy="past-imports-heading" columns={['File', 'Kind', 'Run', 'Status', 'Started by', 'When']}>
      {runs.map((run) => {
        const status = IMPORT_STATUS_LABELS[run.status]!;
        return (
          <tr key={run.id}>
            <td>
              <Link href={`/desk/import/${run.id}`}>{run.fileName}</Link>
            </td>
            <td>{IMPORT_SOURCE_LABELS[run.source] ?? run.source}</td>
            <td>{run.isDryRun ? 'Dry run' : 'Import'}</td>
            <td>
              <Badge kind="status" tone={status.tone}>
                {status.label}
              </Badge>
            </td>
            <td>{run.createdByName ?? 'Command line'}</td>
            <td>
              <time dateTime={run.createdAt.toISOString()}>{formatTime(run.createdAt)}</time>
            </td>
          </tr>
        );
      })}
    </DeskTable>
  );
}

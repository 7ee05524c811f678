import type { PreflightProblem, PreflightReport } from '@/lib/articles/preflight-checks';
import styles from './workflow.module.css';

type Props = {
  report: PreflightReport;
  /** Given to those who may resolve any note here (editors): each open note gets a Resolve button. */
  onResolveNote?: (noteId: number) => void;
  isBusy?: boolean;
};

/** The publish checklist: what blocks submitting and publishing, and what is merely worth a look. */
export function PreflightList({ report, onResolveNote, isBusy = false }: Props) {
  return (
    <div className="preflight" aria-label="Preflight checklist" role="region">
      <h3>Before publishing</h3>
      {report.access ? <p className="preflight-access">Access — {report.access}</p> : null}
      {report.blocking.length === 0 ? (
        <p className={styles.clear}>Nothing blocks publication.</p>
      ) : (
        <>
          <p className="preflight-count">
            {report.blocking.length} {report.blocking.length === 1 ? 'problem blocks' : 'problems block'} submitting and publishing
            {report.blocking.some((problem) => problem.isForApprovalOnly) ? ' (open notes block only approval and publication)' : ''}:
          </p>
          <ul className={styles.blocking}>
            {report.blocking.map((problem) => (
              <li key={problem.code + problem.message}>
                {problem.noteId !== undefined && onResolveNote ? (
                  <ResolvableNote problem={problem} noteId={problem.noteId} onResolve={onResolveNote} isBusy={isBusy} />
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 ? (
        <>
          <p className="preflight-count">Worth a look:</p>
          <ul className={styles.warnings}>
            {report.warnings.map((problem) => (
              <li key={problem.code + problem.message}>{problem.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ResolvableNote({ problem, noteId, onResolve, isBusy }: { problem: PreflightProblem; noteId: number; onResolve: (noteId: number) => void; isBusy: boolean }) {
  const messageId = `preflight-note-${noteId}`;
  return (
    <>
      <span id={messageId}>{problem.message}</span>{' '}
      <button type="button" className="tool" disabled={isBusy} aria-describedby={messageId} onClick={() => onResolve(noteId)}>
        Resolve
      </button>
    </>
  );
}

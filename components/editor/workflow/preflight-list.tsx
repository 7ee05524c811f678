import type { PreflightReport } from '@/lib/articles/preflight-checks';
import styles from './workflow.module.css';

/** The publish checklist: what blocks submitting and publishing, and what is merely worth a look. */
export function PreflightList({ report }: { report: PreflightReport }) {
  return (
    <div className="preflight" aria-label="Preflight checklist" role="region">
      <h3>Before publishing</h3>
      {report.blocking.length === 0 ? (
        <p className={styles.clear}>Nothing blocks publication.</p>
      ) : (
        <>
          <p className="preflight-count">
            {report.blocking.length} {report.blocking.length === 1 ? 'problem blocks' : 'problems block'} submitting and publishing:
          </p>
          <ul className={styles.blocking}>
            {report.blocking.map((problem) => (
              <li key={problem.code + problem.message}>{problem.message}</li>
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

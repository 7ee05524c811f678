/** What a form's last submission did, or what went wrong, announced to screen readers as it appears. */
export function PageNotices({ done, problem }: { done?: string; problem?: string }) {
  return (
    <div aria-live="polite">
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

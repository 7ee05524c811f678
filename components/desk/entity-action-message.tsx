type ShownResult = { ok: true; message: string; warning?: string | null } | { ok: false; error: string } | null;

/** Where an entity form says how its last submission went; present before any result so it is announced. */
export function EntityActionMessage({ result }: { result: ShownResult }) {
  return (
    <div aria-live="polite">
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.error}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="notice">
          {result.message}
        </p>
      ) : null}
      {result?.ok && result.warning ? <p className="hint">{result.warning}</p> : null}
    </div>
  );
}

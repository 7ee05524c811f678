'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Progress = { status: string; progressDone: number; progressTotal: number };

const POLL_MS = 1_000;

/** A live bar for a queued or running import: asks how far it has got each second and shows the report once it ends. */
export function ImportProgress({ runId, initial }: { runId: number; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/desk/import/${runId}`, { cache: 'no-store' });
        const answer = (await response.json()) as { ok: boolean; error?: string; run?: Progress };
        if (isStopped) return;
        if (!answer.ok || !answer.run) {
          setProblem(answer.error ?? 'The progress could not be read; reload the page.');
          return;
        }
        setProblem(null);
        setProgress(answer.run);
        if (answer.run.status === 'done' || answer.run.status === 'failed') {
          router.refresh();
          return;
        }
      } catch {
        if (!isStopped) setProblem('The server did not answer; still trying.');
      }
      if (!isStopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [runId, router]);

  const { status, progressDone, progressTotal } = progress;
  const percent = progressTotal > 0 ? Math.floor((progressDone / progressTotal) * 100) : 0;
  return (
    <div className="stack narrow">
      <progress value={progressDone} max={Math.max(1, progressTotal)} aria-label="Import progress" />
      <p role="status" aria-live="polite">
        {status === 'queued' ? 'Waiting for the worker to start…' : progressTotal > 0 ? `${progressDone.toLocaleString('en')} of ${progressTotal.toLocaleString('en')} items (${percent}%)` : 'Reading the file…'}
      </p>
      {problem ? <p className="field-error">{problem}</p> : null}
    </div>
  );
}

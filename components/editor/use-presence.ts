'use client';

import { useEffect, useState } from 'react';

const HEARTBEAT_MS = 15_000;

/** Tells the server this article is open here, every few seconds, and returns who else has it open. */
export function usePresence(articleId: number): string[] {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    let isActive = true;
    const beat = async () => {
      try {
        const response = await fetch(`/api/desk/articles/${articleId}/presence`, { method: 'POST' });
        if (!response.ok) return;
        const data = (await response.json()) as { others: { name: string }[] };
        if (isActive) setOthers(data.others.map((other) => other.name));
      } catch {
        // Offline: try again on the next beat.
      }
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => void fetch(`/api/desk/articles/${articleId}/presence`, { method: 'DELETE', keepalive: true }).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      isActive = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [articleId]);
  return others;
}

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;

/**
 * How long to wait before the next attempt after `attempts` temporary failures: doubling from 30
 * seconds up to six hours, with up to a fifth added at random so retries from one outage spread out.
 */
export function retryDelayMs({ attempts, random = Math.random }: { attempts: number; random?: () => number }): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
  return Math.round(base * (1 + random() * 0.2));
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleTimer } from '@/components/editor/settle-timer';

describe('settleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, the delay after the last of many changes, with one timer waiting at a time', () => {
    const run = vi.fn();
    const settle = settleTimer(500, run, () => Date.now());
    const made = vi.spyOn(globalThis, 'setTimeout');
    const cancelled = vi.spyOn(globalThis, 'clearTimeout');
    // A change every 40 ms for two seconds.
    for (let change = 0; change < 50; change++) {
      settle.poke();
      vi.advanceTimersByTime(40);
    }
    expect(run).not.toHaveBeenCalled();
    // Five timers or so in all (one per 500 ms waited out), none cancelled: not one per change.
    expect(made.mock.calls.length).toBeLessThanOrEqual(6);
    expect(cancelled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(459);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again after a later change, and not at all once cancelled', () => {
    const run = vi.fn();
    const settle = settleTimer(500, run, () => Date.now());
    settle.poke();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
    settle.poke();
    vi.advanceTimersByTime(200);
    settle.cancel();
    vi.advanceTimersByTime(2_000);
    expect(run).toHaveBeenCalledTimes(1);
    settle.poke();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

/**
 * Runs `run` once changes have paused for `delayMs`. Each `poke` only moves the deadline: one timer waits,
 * and when it fires early it waits out the rest, instead of a timer cancelled and made again per change,
 * which on a busy page (every keystroke, every change from another writer) costs more than the work it defers.
 */
export function settleTimer(delayMs: number, run: () => void, now: () => number = () => performance.now()) {
  let dueAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const wait = dueAt - now();
    if (wait > 0) {
      timer = setTimeout(check, wait);
      return;
    }
    timer = undefined;
    run();
  };
  return {
    poke() {
      dueAt = now() + delayMs;
      timer ??= setTimeout(check, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

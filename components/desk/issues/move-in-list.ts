/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveInList<T>(list: readonly T[], { from, to }: { from: number; to: number }): T[] {
  const next = [...list];
  const target = Math.max(0, Math.min(next.length - 1, to));
  if (from < 0 || from >= next.length || from === target) return next;
  const [moving] = next.splice(from, 1);
  next.splice(target, 0, moving as T);
  return next;
}

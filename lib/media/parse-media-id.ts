/** A media id from a URL segment, or null when it is not a plain positive integer. */
export function parseMediaId(value: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

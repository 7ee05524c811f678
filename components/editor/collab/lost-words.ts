/** The words of `before` that `after` no longer has, in their order, counting repeats (a word typed twice and kept once is missing once). */
export function wordsMissingFrom(before: string, after: string): string[] {
  const left = new Map<string, number>();
  for (const word of wordsOf(after)) left.set(word, (left.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of wordsOf(before)) {
    const count = left.get(word) ?? 0;
    if (count > 0) left.set(word, count - 1);
    else missing.push(word);
  }
  return missing;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word.length > 0);
}

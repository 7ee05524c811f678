import type { Byline as BylineEntry } from '@/lib/articles/article-bylines';

export function Byline({ authors }: { authors: BylineEntry[] }) {
  if (authors.length === 0) return null;
  const names = authors.map((author) => author.name);
  const text = names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return <span className="byline">By {text}</span>;
}

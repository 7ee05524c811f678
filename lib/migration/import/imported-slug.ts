import { createHash } from 'node:crypto';
import { slugify } from '@/lib/content/text/slugify';

export type ImportedSlug = {
  wanted: string;
  /** Whether `wanted` comes from the item's own slug or name, so that it may match a record already here. */
  isNamed: boolean;
  /** The source's slug when it could not be kept, for the report. */
  unusable: string | null;
};

/**
 * The slug an imported item asks for here. Addresses here are made of Latin letters and digits, so a
 * source slug in another script (WordPress keeps Cyrillic or Greek ones, percent-encoded) gives
 * nothing; the name is tried next, and last the item's kind and source id, which are its own and the
 * same on every run.
 */
export function importedSlug({ slug, name, kind, sourceId }: { slug: string; name: string; kind: string; sourceId: string }): ImportedSlug {
  const own = slugify(slug);
  const named = own || slugify(name);
  return {
    wanted: named || sourceSlug(kind, sourceId),
    isNamed: named !== '',
    unusable: own === '' && slug.trim() !== '' ? slug.trim() : null,
  };
}

/**
 * The kind and the source id (`post-201`). A source id with no Latin letters or digits of its own (WordPress
 * names a category by its slug) is stood for by a short digest of it, so that two such items never share a
 * slug, and neither takes the plain `section` another item may be named.
 */
function sourceSlug(kind: string, sourceId: string): string {
  const plain = slugify(`${kind}-${sourceId}`);
  if (plain !== '' && plain !== slugify(kind)) return plain;
  return `${slugify(kind) || 'item'}-${createHash('sha256').update(sourceId).digest('hex').slice(0, 8)}`;
}

/** The report's sentence for an item whose own address could not be kept. */
export function unusableSlugMessage(slug: string, path: string): string {
  return `Its address “${slug}” has no Latin letters or digits, which addresses here are made of; it is imported at ${path}, and the old address redirects there.`;
}

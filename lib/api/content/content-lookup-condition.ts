import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { fromContentId, type ContentIdKind } from './content-ids';

/** What a Content API read asks for: `/posts/{id}/` or `/posts/slug/{slug}/`. */
export type ContentLookup = { id: string } | { slug: string };

/** The condition a read's row must meet; an id of another kind, or no id at all, matches nothing. */
export function contentLookupCondition({ lookup, kind, idColumn, slugColumn }: { lookup: ContentLookup; kind: ContentIdKind; idColumn: AnyColumn; slugColumn: AnyColumn }): SQL {
  if (!('id' in lookup)) return eq(slugColumn, lookup.slug);
  const id = fromContentId(kind, lookup.id);
  return id === null ? sql`0` : eq(idColumn, id);
}

import 'server-only';
import { expireTags } from './expire-tags';
import { publicationTags, type PublicationTargets } from './publication-tags';

/**
 * After a publication, update, unpublish or issue publication: expires every reader page that shows
 * these articles, issues or entities. `before` holds `publicationTags` read before the change, for
 * what the change took away (an unpublished article's entities, an issue it left). Call it from a
 * route handler or server action, once the write has committed.
 */
export function revalidatePublication(targets: PublicationTargets, { before = [] }: { before?: readonly string[] } = {}): string[] {
  return expireTags([...before, ...publicationTags(targets)]);
}

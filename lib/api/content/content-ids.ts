import { createHash } from 'node:crypto';

/** What a Content API id names: tags are either a section or an entity, so each kind has its own prefix. */
export type ContentIdKind = 'post' | 'page' | 'author' | 'section' | 'entity';

const PREFIXES: Record<ContentIdKind, string> = { post: 'a1', page: 'a2', author: 'a3', section: 'a4', entity: 'a5' };

/**
 * Ghost's ids are 24 hex characters; ours are integers. The id is the kind's two-character prefix and
 * the integer in hex, zero-padded: stable, reversible, and never a bare number in a filter.
 */
export function toContentId(kind: ContentIdKind, id: number): string {
  return PREFIXES[kind] + id.toString(16).padStart(22, '0');
}

/** The integer behind a Content API id of this kind, or null when it is not one. */
export function fromContentId(kind: ContentIdKind, contentId: string): number | null {
  const match = /^([0-9a-f]{2})([0-9a-f]{22})$/.exec(contentId.toLowerCase());
  if (!match || match[1] !== PREFIXES[kind]) return null;
  const id = Number.parseInt(match[2]!, 16);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A UUID-shaped name derived from the id, the same on every answer (Ghost gives posts a uuid). */
export function contentUuid(kind: ContentIdKind, id: number): string {
  const hex = createHash('sha256').update(`masthead:${kind}:${id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

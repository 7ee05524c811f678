import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities } from '@/db/schema';
import { mentionedEntities } from '@/lib/content/mentioned-entities';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { entityPath } from './entity-path';
import { isApprovedEntity } from './is-approved-entity';

/**
 * The public page of each approved entity the text mentions, for linking first mentions: only
 * entities of the kinds the site's settings link in article text.
 */
export function entityHrefsFor(doc: JSONContent): Map<number, string> {
  const ids = mentionedEntities(doc).map((mention) => mention.entityId);
  const { linkedEntityKinds } = getSiteSettings();
  if (ids.length === 0 || linkedEntityKinds.length === 0) return new Map();
  const rows = getDb()
    .select({ id: entities.id, kind: entities.kind, slug: entities.slug })
    .from(entities)
    .where(and(inArray(entities.id, ids), inArray(entities.kind, linkedEntityKinds), isApprovedEntity()))
    .all();
  return new Map(rows.map((row) => [row.id, entityPath(row)]));
}

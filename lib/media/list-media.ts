import 'server-only';
import { and, desc, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import { toMediaView, type MediaView } from './media-view';

export const DEFAULT_MEDIA_LIMIT = 50;
export const MAX_MEDIA_LIMIT = 200;

/**
 * The media library, newest first. Each word of `query` must appear (case-insensitively, as typed,
 * wildcards included) in the alt text, caption, credit or original file name.
 */
export function listMedia({ query = '', limit = DEFAULT_MEDIA_LIMIT }: { query?: string; limit?: number } = {}): MediaView[] {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const conditions = words.map((word) => matchesAnyTextField(`%${escapeLike(word)}%`));
  const rows = getDb()
    .select()
    .from(media)
    .where(and(...conditions))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(clampLimit(limit))
    .all();
  return rows.map(toMediaView);
}

function matchesAnyTextField(pattern: string): SQL | undefined {
  return or(...[media.alt, media.caption, media.credit, media.originalName].map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function clampLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) return DEFAULT_MEDIA_LIMIT;
  return Math.min(limit, MAX_MEDIA_LIMIT);
}

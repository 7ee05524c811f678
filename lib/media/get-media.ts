import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import { toMediaView, type MediaView } from './media-view';

export function getMedia(id: number): MediaView | null {
  const row = getDb().select().from(media).where(eq(media.id, id)).get();
  return row ? toMediaView(row) : null;
}

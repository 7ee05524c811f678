import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';

/** Which of these images `actor` may change the text of, so the library offers editing only there. */
export function listEditableMediaIds({ actor, ids }: { actor: Pick<StaffIdentity, 'id' | 'role'>; ids: number[] }): number[] {
  if (ids.length === 0) return [];
  if (can({ role: actor.role, action: 'media.edit' })) return ids;
  return getDb()
    .select({ id: media.id, uploadedBy: media.uploadedBy })
    .from(media)
    .where(inArray(media.id, ids))
    .all()
    .filter((row) => can({ role: actor.role, action: 'media.edit', isOwn: row.uploadedBy === actor.id }))
    .map((row) => row.id);
}

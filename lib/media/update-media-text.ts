import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { mediaTextPatchSchema, parseMediaText, type MediaTextFieldErrors } from './media-text-schema';
import { toMediaView, type MediaView } from './media-view';

export type UpdateMediaTextResult =
  | { ok: true; media: MediaView }
  | { ok: false; status: 400 | 403 | 404; error: string; fieldErrors?: MediaTextFieldErrors };

export const MEDIA_NOT_FOUND_MESSAGE = 'There is no image with that id; it may have been removed.';
export const NOT_YOUR_IMAGE_MESSAGE = 'Only the person who uploaded this image, or an editor, can change its text.';

/** Changes the alt text, caption or credit of an image (authors only of their own uploads); fields left out stay as they are. */
export function updateMediaText({ id, input, actor }: { id: number; input: unknown; actor: Pick<StaffIdentity, 'id' | 'role'> }): UpdateMediaTextResult {
  const parsed = parseMediaText({ schema: mediaTextPatchSchema, input });
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error, fieldErrors: parsed.fieldErrors };
  const changes = parsed.value;
  const changedFields = Object.keys(changes);
  return getDb().transaction((tx) => {
    const current = tx.select().from(media).where(eq(media.id, id)).get();
    if (!current) return { ok: false, status: 404, error: MEDIA_NOT_FOUND_MESSAGE } as const;
    if (!can({ role: actor.role, action: 'media.edit', isOwn: current.uploadedBy === actor.id })) {
      return { ok: false, status: 403, error: NOT_YOUR_IMAGE_MESSAGE } as const;
    }
    if (changedFields.length === 0) return { ok: true, media: toMediaView(current) } as const;
    const updated = tx.update(media).set(changes).where(eq(media.id, id)).returning().get();
    recordAudit(tx, { actorId: actor.id, action: 'media.update', subjectType: 'media', subjectId: id, data: { fields: changedFields } });
    return { ok: true, media: toMediaView(updated) } as const;
  });
}

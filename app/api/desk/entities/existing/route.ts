import { z } from 'zod';
import { findExistingEntityIds } from '@/lib/entities/find-existing-entity-ids';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

const MAX_IDS = 500;

const existingSchema = z.object({
  ids: z.array(z.number().int().positive()).max(MAX_IDS, `Ask about at most ${MAX_IDS} entities at once.`),
});

/** The editor asks, before pasting tagged mentions, which of their entities exist here. */
export function POST(request: Request) {
  return staffRoute(async () => {
    const body = await readJsonBody(request, { maxBytes: 16 * 1024 });
    if (!body.ok) return body.response;
    const parsed = existingSchema.safeParse(body.value);
    if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Send the entity ids as a list of whole numbers.');
    return Response.json({ ok: true, ids: findExistingEntityIds(parsed.data.ids) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

import { z } from 'zod';
import { ENTITY_KINDS } from '@/lib/entities/entity-types';
import { createEntity } from '@/lib/entities/create-entity';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';
import { slugify } from '@/lib/content/text/slugify';

const quickEntitySchema = z.object({
  kind: z.enum(ENTITY_KINDS, { error: 'Choose what kind of entity this is.' }),
  name: z.string({ error: 'Give the entity a name.' }).trim().min(1, 'Give the entity a name.').max(200, 'Keep the name under 200 characters.'),
  role: z.string().trim().max(200).optional(),
});

/**
 * Creates an entity from the editor (the picker's "create" and accepted name suggestions). A name
 * that another entity of the same kind already uses gets a numbered address rather than a refusal.
 */
export function POST(request: Request) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 8 * 1024 });
    if (!body.ok) return body.response;
    const parsed = quickEntitySchema.safeParse(body.value);
    if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'That entity cannot be created.');
    const { kind, name, role } = parsed.data;
    const base = slugify(name) || 'entity';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt}`;
      const facts = kind === 'person' && role ? { role } : {};
      const result = createEntity({ actor: staff, input: { kind, name, slug, facts } });
      if (result.ok) {
        return Response.json({ ok: true, entity: { id: result.id, kind, name, slug: result.slug, detail: role ?? '' } }, { status: 201 });
      }
      if (!result.fieldErrors?.slug) return jsonError(400, result.error, { fieldErrors: result.fieldErrors });
    }
    return jsonError(409, `Several ${kind} entries are already called “${name}”; open the knowledge base to choose one.`);
  });
}

import { z } from 'zod';
import { slugify } from '@/lib/content/text/slugify';
import { createEntity } from '@/lib/entities/create-entity';
import { ENTITY_KINDS } from '@/lib/entities/entity-types';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const quickEntitySchema = z.object({
  kind: z.enum(ENTITY_KINDS, { error: 'Choose what kind of entity this is.' }),
  name: z.string({ error: 'Give the entity a name.' }).trim().min(1, 'Give the entity a name.').max(200, 'Keep the name under 200 characters.'),
  role: z.string().trim().max(200).optional(),
});

/**
 * Creates an entity from the editor (the picker's "create" and accepted name suggestions). A name
 * that another entity of the same kind already uses gets a numbered address rather than a refusal.
 */
export const POST = staffEndpoint({
  name: 'entity.quick-create',
  permission: 'entity.create',
  input: { body: quickEntitySchema, maxBytes: 8 * 1024 },
  audit: 'in-domain',
  run: ({ staff, input: { kind, name, role } }) => {
    const base = slugify(name) || 'entity';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt}`;
      const facts = kind === 'person' && role ? { role } : {};
      const result = createEntity({ actor: staff, input: { kind, name, slug, facts } });
      if (result.ok) return jsonAnswer({ ok: true, entity: { id: result.id, kind, name, slug: result.slug, detail: role ?? '' } }, { status: 201 });
      if (!result.fieldErrors?.slug) return jsonError(400, result.error, { fieldErrors: result.fieldErrors });
    }
    return jsonError(409, `Several ${kind} entries are already called “${name}”; open the knowledge base to choose one.`);
  },
});

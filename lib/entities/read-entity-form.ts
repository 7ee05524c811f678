import { ENTITY_KINDS, type EntityKind } from '@/db/schema';
import type { EntityFormValues } from './entity-form-values';

const FACT_PREFIX = 'facts.';

/**
 * The entity form's fields as typed, facts gathered from their `facts.<key>` inputs. Nothing is
 * checked here beyond shape: `parseEntityInput` does that, and these values go back to the form
 * when it refuses them.
 */
export function readEntityForm(formData: FormData): EntityFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const facts: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(FACT_PREFIX) && typeof value === 'string') facts[name.slice(FACT_PREFIX.length)] = value;
  }
  const kind = text('kind');
  return {
    kind: (ENTITY_KINDS as readonly string[]).includes(kind) ? (kind as EntityKind) : '',
    name: text('name'),
    slug: text('slug'),
    description: text('description'),
    wikidataId: text('wikidataId'),
    facts,
  };
}

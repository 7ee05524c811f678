import type { Entity, EntityKind } from '@/db/schema';

/** An entity as the desk form holds it: every value a string, facts under their own keys. */
export type EntityFormValues = {
  /** Empty until chosen on a new entity. */
  kind: EntityKind | '';
  name: string;
  slug: string;
  description: string;
  wikidataId: string;
  facts: Record<string, string>;
};

export function toEntityFormValues(entity: Pick<Entity, 'kind' | 'name' | 'slug' | 'description' | 'facts' | 'wikidataId'>): EntityFormValues {
  const facts: Record<string, string> = {};
  for (const [key, value] of Object.entries(entity.facts)) facts[key] = value === null ? '' : String(value);
  return { kind: entity.kind, name: entity.name, slug: entity.slug, description: entity.description, wikidataId: entity.wikidataId ?? '', facts };
}

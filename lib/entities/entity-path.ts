import type { EntityKind } from '@/db/schema';

/** The public URL segment for each kind of entity: `/countries/russia`, `/treaties/new-start`. */
export const ENTITY_KIND_SEGMENTS: Record<EntityKind, string> = {
  country: 'countries',
  treaty: 'treaties',
  person: 'people',
  organization: 'organizations',
  topic: 'topics',
};

export const ENTITY_KIND_LABELS: Record<EntityKind, { one: string; many: string }> = {
  country: { one: 'Country', many: 'Countries' },
  treaty: { one: 'Treaty', many: 'Treaties' },
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  topic: { one: 'Topic', many: 'Topics' },
};

export function entityPath({ kind, slug }: { kind: EntityKind; slug: string }): string {
  return `/${ENTITY_KIND_SEGMENTS[kind]}/${slug}`;
}

export function kindOfSegment(segment: string): EntityKind | null {
  const entry = Object.entries(ENTITY_KIND_SEGMENTS).find(([, value]) => value === segment);
  return entry ? (entry[0] as EntityKind) : null;
}

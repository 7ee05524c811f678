export type PickerEntity = { id: number; kind: 'country' | 'treaty' | 'person' | 'organization' | 'topic'; name: string; slug: string; detail: string };

export async function searchEntities(query: string, signal?: AbortSignal): Promise<PickerEntity[]> {
  if (query.trim() === '') return [];
  const response = await fetch(`/api/desk/entities/search?q=${encodeURIComponent(query)}`, { signal });
  if (!response.ok) return [];
  const data = (await response.json()) as { entities?: PickerEntity[] };
  return data.entities ?? [];
}

export type NewEntityKind = 'person' | 'organization' | 'country' | 'treaty' | 'topic';

/** Creates an entity from the editor; answers the new entity or a sentence saying why not. */
export async function createEntity(input: { kind: NewEntityKind; name: string; role?: string }): Promise<PickerEntity> {
  const response = await fetch('/api/desk/entities', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const data = (await response.json().catch(() => ({}))) as { entity?: PickerEntity; error?: string };
  if (!response.ok || !data.entity) throw new Error(data.error ?? 'The entity could not be created.');
  return data.entity;
}

/** Which of these ids name entities an article may mention; on any failure, none, so the paste falls back to plain text. */
export async function findExistingEntityIds(ids: number[]): Promise<number[]> {
  const response = await fetch('/api/desk/entities/existing', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids }),
  });
  if (!response.ok) return [];
  const data = (await response.json().catch(() => ({}))) as { ids?: unknown };
  return Array.isArray(data.ids) ? data.ids.filter((id): id is number => Number.isInteger(id)) : [];
}

export function mentionAttrs(entity: PickerEntity, label: string) {
  return { entityId: entity.id, kind: entity.kind, label };
}

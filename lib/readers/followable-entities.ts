import 'server-only';
import { and, asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, type EntityKind } from '@/db/schema';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';

export type FollowableEntity = { id: number; kind: EntityKind; name: string };

/** The entities a subscribe form was opened for (`?follow=12,40`), by name; unknown ids are left out. */
export function followableEntities(ids: number[]): FollowableEntity[] {
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))].slice(0, 50);
  if (wanted.length === 0) return [];
  return getDb().select({ id: entities.id, kind: entities.kind, name: entities.name }).from(entities).where(and(inArray(entities.id, wanted), isApprovedEntity())).orderBy(asc(entities.name)).all();
}

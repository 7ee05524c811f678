import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleSearchFacts, entities, issues, publishedArticleEntities, sections } from '@/db/schema';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import type { SearchFilters } from './search-request';

export type ActiveSearchFilter = { key: keyof SearchFilters; label: string };

export type ResolvedSearchFilters = {
  conditions: SQL[];
  active: ActiveSearchFilter[];
  /** Only the filters that name something that exists: links built from them stay meaningful. */
  filters: SearchFilters;
};

/** Turns the filters in a search address into conditions on the facts of public articles (`article_search_facts`); unknown sections, issues or entities are dropped. */
export function resolveSearchFilters(filters: SearchFilters): ResolvedSearchFilters {
  const db = getDb();
  const resolved: ResolvedSearchFilters = { conditions: [], active: [], filters: {} };
  if (filters.section) {
    const section = db.select({ id: sections.id, name: sections.name }).from(sections).where(eq(sections.slug, filters.section)).get();
    if (section) {
      resolved.conditions.push(eq(articleSearchFacts.publishedSectionId, section.id));
      resolved.active.push({ key: 'section', label: section.name });
      resolved.filters.section = filters.section;
    }
  }
  if (filters.issue) {
    const issue = db
      .select({ id: issues.id, title: issues.title })
      .from(issues)
      .where(and(eq(issues.slug, filters.issue), eq(issues.status, 'published')))
      .get();
    if (issue) {
      resolved.conditions.push(eq(articleSearchFacts.publishedIssueId, issue.id));
      resolved.active.push({ key: 'issue', label: issue.title });
      resolved.filters.issue = filters.issue;
    }
  }
  if (filters.year) {
    resolved.conditions.push(eq(articleSearchFacts.publishedYear, filters.year));
    resolved.active.push({ key: 'year', label: String(filters.year) });
    resolved.filters.year = filters.year;
  }
  if (filters.entity) {
    const entity = db
      .select({ id: entities.id, kind: entities.kind, name: entities.name })
      .from(entities)
      .where(and(eq(entities.kind, filters.entity.kind), eq(entities.slug, filters.entity.slug), isApprovedEntity()))
      .get();
    if (entity) {
      resolved.conditions.push(
        sql`${articleSearchFacts.articleId} in (select ${publishedArticleEntities.articleId} from ${publishedArticleEntities} where ${publishedArticleEntities.entityId} = ${entity.id})`,
      );
      resolved.active.push({ key: 'entity', label: `${entity.name} (${ENTITY_KIND_LABELS[entity.kind].one.toLowerCase()})` });
      resolved.filters.entity = filters.entity;
    }
  }
  return resolved;
}

import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  articleAuthors,
  articleEntities,
  articles,
  auditLog,
  contributors,
  entities,
  entityAliases,
  issues,
  membershipTiers,
  navigationItems,
  pages,
  revisions,
  sections,
  users,
} from '@/db/schema';
import { writePublishedSnapshot } from '@/lib/articles/published-snapshot';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { mentionedEntities } from '@/lib/content/mentioned-entities';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { hashPassword } from '@/lib/staff/auth/password';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import type { EntityKind } from '@/lib/entities/entity-types';
import { countryEntities } from './country-entities';
import { SEED_ARTICLES, SEED_CONTRIBUTORS } from './data/articles';
import { SEED_ORGANIZATIONS, SEED_PEOPLE, SEED_TOPICS, SEED_TREATIES } from './data/entities';
import { SEED_ISSUES, SEED_SECTIONS, SEED_TOC_ORDER } from './data/magazine';
import { SEED_NAVIGATION, SEED_PAGES } from './data/pages';
import { SEED_PLANNED_ARTICLES } from './data/planned-articles';
import { seedBlocksToDoc } from './seed-blocks-to-doc';
import type { SeedArticle } from './types';
import { tagFirstMentions } from './tag-first-mentions';

export const DEMO_PASSWORD = 'masthead-demo';

export const DEMO_STAFF = [
  { email: 'admin@demo.masthead', role: 'admin', contributorKey: 'admin' },
  { email: 'editor@demo.masthead', role: 'editor', contributorKey: 'editor' },
  { email: 'author@demo.masthead', role: 'author', contributorKey: 'author' },
] as const;

export type SeedSummary = { staff: string[]; articles: number; issues: number; entities: Record<EntityKind, number> };

export function isDatabaseEmpty(db: Db): boolean {
  const userCount = db.select({ value: count() }).from(users).get()?.value ?? 0;
  const articleCount = db.select({ value: count() }).from(articles).get()?.value ?? 0;
  return userCount === 0 && articleCount === 0;
}

/**
 * Fills an empty database with the demo magazine: staff, knowledge base, three published issues with
 * their articles, and the May 2025 issue in planning with articles not yet published.
 */
export async function seedDemoMagazine(db: Db): Promise<SeedSummary> {
  if (!isDatabaseEmpty(db)) throw new Error('The database already has content; the demo magazine goes only into an empty one.');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seedArticles = [...SEED_ARTICLES, ...SEED_PLANNED_ARTICLES];
  for (const article of seedArticles) {
    const validation = validateArticleDoc(seedBlocksToDoc(article.body));
    if (!validation.ok) throw new Error(`Demo article "${article.slug}" is invalid: ${validation.message}`);
  }

  return db.transaction((tx) => {
    const sectionIds = new Map<string, number>();
    SEED_SECTIONS.forEach((section, position) => {
      const row = tx.insert(sections).values({ ...section, position }).returning({ id: sections.id }).get();
      sectionIds.set(section.slug, row.id);
    });

    // One tier, so the gated demo features show who gets in; members are granted by hand at /desk/members.
    const memberTierId = tx
      .insert(membershipTiers)
      .values({
        slug: 'member',
        name: 'Member',
        description: 'Every feature and the full archive.',
        monthlyPriceCents: 900,
        yearlyPriceCents: 9000,
        benefits: ['Every feature in full', 'The whole archive', 'The monthly issue email'],
      })
      .returning({ id: membershipTiers.id })
      .get().id;

    const issueIds = new Map<string, number>();
    for (const issue of SEED_ISSUES) {
      const publishedAt = issue.status === 'published' ? new Date(`${issue.coverDate}T09:00:00Z`) : null;
      const row = tx.insert(issues).values({ ...issue, publishedAt }).returning({ id: issues.id }).get();
      issueIds.set(issue.slug, row.id);
    }

    const contributorIds = new Map<string, number>();
    const userIds = new Map<string, number>();
    for (const contributor of SEED_CONTRIBUTORS) {
      const staff = DEMO_STAFF.find((member) => member.contributorKey === contributor.key);
      let userId: number | null = null;
      if (staff) {
        userId = tx
          .insert(users)
          .values({ email: staff.email, name: contributor.name, role: staff.role, passwordHash })
          .returning({ id: users.id })
          .get().id;
        userIds.set(contributor.key, userId);
      }
      const row = tx
        .insert(contributors)
        .values({ name: contributor.name, slug: contributor.slug, bio: contributor.bio, userId })
        .returning({ id: contributors.id })
        .get();
      contributorIds.set(contributor.key, row.id);
    }

    const entityIds = new Map<string, number>();
    const entityCounts: Record<EntityKind, number> = { country: 0, treaty: 0, person: 0, organization: 0, topic: 0 };
    const knowledgeBase = [
      ...countryEntities().map((country) => ({ ...country, kind: 'country' as const, wikidataId: undefined })),
      ...SEED_TREATIES,
      ...SEED_ORGANIZATIONS,
      ...SEED_PEOPLE,
      ...SEED_TOPICS,
    ];
    for (const entity of knowledgeBase) {
      const key = `${entity.kind}:${entity.slug}`;
      if (entityIds.has(key)) throw new Error(`Demo entity ${key} appears twice.`);
      const row = tx
        .insert(entities)
        .values({
          kind: entity.kind,
          name: entity.name,
          slug: entity.slug,
          description: entity.description,
          facts: entity.facts,
          wikidataId: entity.wikidataId ?? null,
        })
        .returning({ id: entities.id })
        .get();
      entityIds.set(key, row.id);
      entityCounts[entity.kind] += 1;
      const seen = new Set([normalizeAlias(entity.name)]);
      for (const alias of entity.aliases) {
        const normalized = normalizeAlias(alias);
        if (seen.has(normalized)) continue;
        seen.add(normalized);
        tx.insert(entityAliases).values({ entityId: row.id, alias, normalized }).run();
      }
    }

    const prepared = seedArticles.map((article) => {
      const tagged = article.entities.map((ref) => {
        const entity = knowledgeBase.find((candidate) => `${candidate.kind}:${candidate.slug}` === ref);
        const id = entityIds.get(ref);
        if (!entity || !id) throw new Error(`Demo article "${article.slug}" is tagged with unknown entity "${ref}".`);
        return { id, kind: entity.kind, names: [entity.name, ...entity.aliases] };
      });
      const doc = tagFirstMentions({ doc: seedBlocksToDoc(article.body), tagged, isEveryMentionTagged: article.isEveryMentionTagged });
      const validation = validateArticleDoc(doc);
      if (!validation.ok) throw new Error(`Demo article "${article.slug}" is invalid once tagged: ${validation.message}`);
      return { article, doc, derived: deriveArticleText(doc), mentioned: new Set(mentionedEntities(doc).map((mention) => mention.entityId)) };
    });

    for (const { article, doc, derived, mentioned } of prepared) {
      const savedAt = new Date(article.publishedAt);
      const status = article.status ?? 'published';
      const isPublished = status === 'published';
      const firstAuthor = userIds.get(article.authors[0] ?? '') ?? userIds.get('editor') ?? null;
      const sectionId = sectionIds.get(article.section);
      const issueId = issueIds.get(article.issue);
      if (!sectionId || !issueId) throw new Error(`Demo article "${article.slug}" names an unknown section or issue.`);
      const articleRow = tx
        .insert(articles)
        .values({
          slug: article.slug,
          title: article.title,
          dek: article.dek,
          body: doc,
          bodyText: derived.text,
          wordCount: derived.wordCount,
          excerpt: derived.excerpt,
          sectionId,
          issueId,
          issuePosition: tocPosition(article, seedArticles),
          access: article.access ?? 'public',
          accessTierIds: article.access === 'tiers' ? [memberTierId] : [],
          status,
          version: 1,
          firstPublishedAt: isPublished ? savedAt : null,
          publishedAt: isPublished ? savedAt : null,
          modifiedAt: isPublished ? savedAt : null,
          createdBy: firstAuthor,
          createdAt: savedAt,
          updatedAt: savedAt,
        })
        .returning({ id: articles.id })
        .get();
      const revision = tx
        .insert(revisions)
        .values({
          articleId: articleRow.id,
          version: 1,
          slug: article.slug,
          title: article.title,
          dek: article.dek,
          body: doc,
          bodyText: derived.text,
          wordCount: derived.wordCount,
          reason: isPublished ? 'publish' : 'import',
          authorId: userIds.get('editor') ?? null,
          createdAt: savedAt,
        })
        .returning({ id: revisions.id })
        .get();
      if (isPublished) tx.update(articles).set({ publishedRevisionId: revision.id }).where(eq(articles.id, articleRow.id)).run();
      article.authors.forEach((key, position) => {
        const contributorId = contributorIds.get(key);
        if (!contributorId) throw new Error(`Demo article "${article.slug}" names an unknown author "${key}".`);
        tx.insert(articleAuthors).values({ articleId: articleRow.id, contributorId, position }).run();
      });
      for (const ref of new Set(article.entities)) {
        const entityId = entityIds.get(ref);
        if (!entityId) throw new Error(`Demo article "${article.slug}" is tagged with unknown entity "${ref}".`);
        tx.insert(articleEntities).values({ articleId: articleRow.id, entityId, source: mentioned.has(entityId) ? 'mention' : 'manual' }).run();
      }
      // The reader site shows only the published snapshot of byline, tags, section and issue.
      if (isPublished) writePublishedSnapshot(tx, articleRow.id);
    }

    const publishedAt = new Date();
    for (const page of SEED_PAGES) {
      const body = seedBlocksToDoc(page.body);
      const validation = validateArticleDoc(body);
      if (!validation.ok) throw new Error(`Demo page "${page.slug}" is invalid: ${validation.message}`);
      tx.insert(pages).values({ slug: page.slug, title: page.title, seoDescription: page.seoDescription, body, status: 'published', publishedTitle: page.title, publishedBody: body, publishedAt }).run();
    }
    for (const [menu, links] of Object.entries(SEED_NAVIGATION) as [keyof typeof SEED_NAVIGATION, (typeof SEED_NAVIGATION)[keyof typeof SEED_NAVIGATION]][]) {
      links.forEach((link, position) => tx.insert(navigationItems).values({ menu, label: link.label, href: link.href, position }).run());
    }

    tx.insert(auditLog).values({ actorId: null, action: 'seed.demo', subjectType: 'site', note: 'Demo magazine loaded' }).run();
    return {
      staff: DEMO_STAFF.map((member) => `${member.email} (${member.role})`),
      articles: prepared.length,
      issues: SEED_ISSUES.length,
      entities: entityCounts,
    };
  });
}

/** Where an article stands in its issue's table of contents: the planned order, else the order of the demo data. */
function tocPosition(article: SeedArticle, all: SeedArticle[]): number {
  const planned = SEED_TOC_ORDER[article.issue]?.[article.section] ?? [];
  const plannedIndex = planned.indexOf(article.slug);
  if (plannedIndex !== -1) return plannedIndex;
  const rest = all.filter((other) => other.issue === article.issue && other.section === article.section && !planned.includes(other.slug));
  return planned.length + rest.indexOf(article);
}

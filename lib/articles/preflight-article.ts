import 'server-only';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import {
  articleAuthors,
  articleEntities,
  articleNotes,
  articles,
  articleSlugHistory,
  contributors,
  entities,
  entityRedirects,
  issues,
  membershipTiers,
  sections,
  users,
  type Article,
} from '@/db/schema';
import { kindOfSegment } from '@/lib/entities/entity-path';
import { noteBodyToText } from '@/lib/articles/notes/note-body-to-text';
import { hasMembersStart } from '@/lib/content/public-part';
import { checkArticle, type LinkVerdict, type PreflightAccess, type PreflightReport } from './preflight-checks';

type Reader = Pick<Db, 'select'>;

/** Fixed public pages a link may point to (see DESIGN: public URLs). */
const SITE_PAGES = new Set(['/', '/issues', '/search', '/corrections', '/subscribe', '/account', '/feed.xml', '/atom.xml', '/sitemap.xml']);

/** The publish checklist for an article's saved working copy. */
export function preflightArticle(article: Article, db: Reader = getDb()): PreflightReport {
  const authorCount = db.select({ id: articleAuthors.contributorId }).from(articleAuthors).where(eq(articleAuthors.articleId, article.id)).all().length;
  const entityTagCount = db.select({ id: articleEntities.entityId }).from(articleEntities).where(eq(articleEntities.articleId, article.id)).all().length;
  return checkArticle(
    {
      title: article.title,
      dek: article.dek,
      slug: article.slug,
      body: article.body,
      wordCount: article.wordCount,
      authorCount,
      hasSection: article.sectionId !== null,
      entityTagCount,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      hasFeaturedImage: article.featuredMediaId !== null,
      openNotes: openNotesOf(db, article.id),
      access: accessOf(db, article),
    },
    {
      isSlugTaken: (slug) =>
        Boolean(db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), ne(articles.id, article.id))).get()) ||
        Boolean(db.select({ id: articleSlugHistory.articleId }).from(articleSlugHistory).where(and(eq(articleSlugHistory.slug, slug), ne(articleSlugHistory.articleId, article.id))).get()),
      internalLink: (path) => verdictFor(db, path),
    },
  );
}

function accessOf(db: Reader, article: Article): PreflightAccess {
  const tierIds = article.access === 'tiers' ? article.accessTierIds : [];
  const tierNames = tierIds.length === 0 ? [] : db.select({ name: membershipTiers.name }).from(membershipTiers).where(inArray(membershipTiers.id, tierIds)).all().map((tier) => tier.name);
  return { level: article.access, tierNames, missingTierCount: tierIds.length - tierNames.length, hasMarker: hasMembersStart(article.body) };
}

const NOTE_EXCERPT_LENGTH = 120;

/** Unresolved note threads on the article, each with the start of its first note and who wrote it. */
function openNotesOf(db: Reader, articleId: number): { id: number; excerpt: string; authorName: string | null }[] {
  return db
    .select({ id: articleNotes.id, body: articleNotes.body, authorName: users.name })
    .from(articleNotes)
    .leftJoin(users, eq(users.id, articleNotes.authorId))
    .where(and(eq(articleNotes.articleId, articleId), isNull(articleNotes.parentId), isNull(articleNotes.resolvedAt)))
    .orderBy(asc(articleNotes.id))
    .all()
    .map((note) => ({ id: note.id, excerpt: excerptOf(noteBodyToText(note.body)), authorName: note.authorName }));
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= NOTE_EXCERPT_LENGTH ? flat : `${flat.slice(0, NOTE_EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** Whether a site-relative path leads somewhere a reader can go. */
function verdictFor(db: Reader, path: string): LinkVerdict {
  if (SITE_PAGES.has(path)) return 'ok';
  const [, segment, slug, rest] = path.split('/');
  if (!segment || !slug || (rest !== undefined && rest !== 'feed.xml')) return 'missing';
  if (segment === 'articles') {
    const current = db.select({ status: articles.status }).from(articles).where(eq(articles.slug, slug)).get();
    const former = current
      ? undefined
      : db
          .select({ status: articles.status })
          .from(articleSlugHistory)
          .innerJoin(articles, eq(articles.id, articleSlugHistory.articleId))
          .where(eq(articleSlugHistory.slug, slug))
          .get();
    const status = (current ?? former)?.status;
    if (!status) return 'missing';
    return status === 'published' ? 'ok' : 'unpublished';
  }
  if (segment === 'issues') return db.select({ id: issues.id }).from(issues).where(eq(issues.slug, slug)).get() ? 'ok' : 'missing';
  if (segment === 'sections') return db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).get() ? 'ok' : 'missing';
  if (segment === 'authors') return db.select({ id: contributors.id }).from(contributors).where(eq(contributors.slug, slug)).get() ? 'ok' : 'missing';
  const kind = kindOfSegment(segment);
  if (!kind) return 'missing';
  const entity = db.select({ id: entities.id }).from(entities).where(and(eq(entities.kind, kind), eq(entities.slug, slug))).get();
  if (entity) return 'ok';
  const redirect = db.select({ id: entityRedirects.entityId }).from(entityRedirects).where(and(eq(entityRedirects.kind, kind), eq(entityRedirects.slug, slug))).get();
  return redirect ? 'ok' : 'missing';
}

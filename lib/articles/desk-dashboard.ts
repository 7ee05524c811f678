import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors, issues, sections, type ArticleStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { POLICY } from '@/lib/staff/auth/policy';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { bylinesFor, type Byline } from './article-bylines';
import { buildMonthCalendar, monthQueryWindow, type MonthCalendar } from './desk-dashboard-calendar';
import { EMPTY_DASHBOARD_FILTERS, parseDashboardQuery, type DashboardFilters, type RawSearchParams } from './desk-dashboard-query';
import { dayLabel, zonedMoment, zonedMonthKey, type ZonedMoment } from './desk-dashboard-zoned-time';

export const DASHBOARD_GROUP_LIMIT = 10;
export const DASHBOARD_ALL_LIMIT = 50;
export const DASHBOARD_UPCOMING_LIMIT = 40;

export type DashboardArticle = {
  id: number;
  title: string;
  status: ArticleStatus;
  authors: Byline[];
  section: string | null;
  issue: string | null;
  updatedAt: ZonedMoment;
  publishedAt: ZonedMoment | null;
  scheduledFor: ZonedMoment | null;
  /** Only while the embargo still holds. */
  embargoedUntil: ZonedMoment | null;
  /** Scheduled for a moment already past: the worker has not published it yet. */
  isOverdue: boolean;
};

export const DASHBOARD_GROUP_KEYS = ['myDrafts', 'awaitingReview', 'changesRequested', 'approved', 'recentlyPublished'] as const;
export type DashboardGroupKey = (typeof DASHBOARD_GROUP_KEYS)[number];

export type DashboardGroup = { key: DashboardGroupKey; count: number; articles: DashboardArticle[] };

export type ScheduledDay = { day: string; label: string; articles: DashboardArticle[] };

export type DashboardOption = { id: number; name: string };

export type DeskDashboard = {
  timeZone: string;
  filters: DashboardFilters;
  isFiltered: boolean;
  notes: string[];
  options: { sections: DashboardOption[]; issues: DashboardOption[]; contributors: DashboardOption[] };
  groups: DashboardGroup[];
  scheduled: { count: number; days: ScheduledDay[]; calendar: MonthCalendar };
  all: { total: number; articles: DashboardArticle[] };
};

/**
 * The desk's front page for one staff member: the workflow groups with their counts, scheduled
 * articles by day and on a month calendar, and every article, all narrowed by the same filters.
 * Authors see only their own articles (creator or in the byline); editors and admins see all.
 * A fixed number of queries, whatever the number of articles.
 */
export function getDeskDashboard({ actor, query, now = new Date() }: { actor: StaffIdentity; query: RawSearchParams; now?: Date }): DeskDashboard {
  const db = getDb();
  const { timeZone } = getSiteSettings();
  const options = loadOptions();
  const parsed = parseDashboardQuery({
    query,
    known: {
      sectionIds: new Set(options.sections.map((option) => option.id)),
      issueIds: new Set(options.issues.map((option) => option.id)),
      contributorIds: new Set(options.contributors.map((option) => option.id)),
    },
  });
  const month = parsed.month ?? zonedMonthKey({ date: now, timeZone });
  const today = zonedMoment({ date: now, timeZone }).day;
  const scope = POLICY['article.view'][actor.role];
  const filters = scope === 'none' ? EMPTY_DASHBOARD_FILTERS : parsed.filters;
  const isFiltered = Object.values(filters).some((value) => value !== null);
  const visible = scope === 'none' ? sql`0` : and(scope === 'own' ? ownedBy(actor) : undefined, ...filterConditions(filters));

  const counts = db
    .select({
      status: articles.status,
      total: count(),
      mine: sql<number>`coalesce(sum(case when ${ownedBy(actor)} then 1 else 0 end), 0)`,
    })
    .from(articles)
    .where(visible)
    .groupBy(articles.status)
    .all();
  const countOf = (status: ArticleStatus) => counts.find((row) => row.status === status)?.total ?? 0;
  const mineOf = (status: ArticleStatus) => Number(counts.find((row) => row.status === status)?.mine ?? 0);

  const select = (where: SQL | undefined, order: SQL[], limit: number) =>
    baseSelect()
      .where(and(visible, where))
      .orderBy(...order, desc(articles.id))
      .limit(limit)
      .all();
  const myDrafts = select(and(inArray(articles.status, ['draft', 'changes_requested']), ownedBy(actor)), [desc(articles.updatedAt)], DASHBOARD_GROUP_LIMIT);
  // The longest-waiting first: review is a queue.
  const awaitingReview = select(eq(articles.status, 'in_review'), [asc(articles.updatedAt)], DASHBOARD_GROUP_LIMIT);
  const changesRequested = select(eq(articles.status, 'changes_requested'), [desc(articles.updatedAt)], DASHBOARD_GROUP_LIMIT);
  const approved = select(eq(articles.status, 'approved'), [desc(articles.updatedAt)], DASHBOARD_GROUP_LIMIT);
  const published = select(eq(articles.status, 'published'), [desc(articles.publishedAt)], DASHBOARD_GROUP_LIMIT);
  const upcoming = select(eq(articles.status, 'scheduled'), [asc(articles.scheduledFor)], DASHBOARD_UPCOMING_LIMIT);
  const window = monthQueryWindow(month);
  const inMonth = select(
    and(eq(articles.status, 'scheduled'), isNotNull(articles.scheduledFor), gte(articles.scheduledFor, window.from), lt(articles.scheduledFor, window.to)),
    [asc(articles.scheduledFor)],
    // A month of a busy desk, with room to spare; the window is bounded, so this is a safety net.
    1000,
  );
  const everything = select(undefined, [desc(articles.updatedAt)], DASHBOARD_ALL_LIMIT);

  const bylines = bylinesFor([...new Set([myDrafts, awaitingReview, changesRequested, approved, published, upcoming, everything].flat().map((row) => row.id))]);
  const shape = (rows: ArticleRow[]) => rows.map((row) => toDashboardArticle({ row, authors: bylines.get(row.id) ?? [], timeZone, now }));

  const calendarEntries = shape(inMonth).flatMap((article) =>
    article.scheduledFor
      ? [{ id: article.id, title: article.title, day: article.scheduledFor.day, time: article.scheduledFor.time, iso: article.scheduledFor.iso, embargoedUntil: article.embargoedUntil?.label ?? null }]
      : [],
  );

  return {
    timeZone,
    filters,
    isFiltered,
    notes: parsed.notes,
    options,
    groups: [
      { key: 'myDrafts', count: mineOf('draft') + mineOf('changes_requested'), articles: shape(myDrafts) },
      { key: 'awaitingReview', count: countOf('in_review'), articles: shape(awaitingReview) },
      { key: 'changesRequested', count: countOf('changes_requested'), articles: shape(changesRequested) },
      { key: 'approved', count: countOf('approved'), articles: shape(approved) },
      { key: 'recentlyPublished', count: countOf('published'), articles: shape(published) },
    ],
    scheduled: {
      count: countOf('scheduled'),
      days: groupByDay(shape(upcoming)),
      calendar: buildMonthCalendar({ month, today, entries: calendarEntries }),
    },
    all: { total: counts.reduce((sum, row) => sum + row.total, 0), articles: shape(everything) },
  };
}

type ArticleRow = ReturnType<ReturnType<typeof baseSelect>['all']>[number];

function baseSelect() {
  return getDb()
    .select({
      id: articles.id,
      title: articles.title,
      status: articles.status,
      updatedAt: articles.updatedAt,
      publishedAt: articles.publishedAt,
      scheduledFor: articles.scheduledFor,
      embargoedUntil: articles.embargoedUntil,
      sectionName: sections.name,
      issueTitle: issues.title,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(issues, eq(issues.id, articles.issueId));
}

/** Started by the actor, or with the actor in the byline: the same rule as `isOwnArticle`. */
function ownedBy(actor: StaffIdentity): SQL {
  const bylineIds = getDb()
    .select({ id: articleAuthors.articleId })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(eq(contributors.userId, actor.id));
  return or(eq(articles.createdBy, actor.id), inArray(articles.id, bylineIds))!;
}

function filterConditions(filters: DashboardFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.sectionId !== null) conditions.push(eq(articles.sectionId, filters.sectionId));
  if (filters.issueId !== null) conditions.push(eq(articles.issueId, filters.issueId));
  if (filters.status !== null) conditions.push(eq(articles.status, filters.status));
  if (filters.contributorId !== null) {
    const byContributor = getDb().select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.contributorId, filters.contributorId));
    conditions.push(inArray(articles.id, byContributor));
  }
  return conditions;
}

function loadOptions(): DeskDashboard['options'] {
  const db = getDb();
  return {
    sections: db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.id)).all(),
    issues: db.select({ id: issues.id, name: issues.title }).from(issues).orderBy(desc(issues.coverDate), desc(issues.id)).all(),
    contributors: db
      .select({ id: contributors.id, name: contributors.name })
      .from(contributors)
      .orderBy(asc(sql`${contributors.name} collate nocase`), asc(contributors.id))
      .all(),
  };
}

function toDashboardArticle({ row, authors, timeZone, now }: { row: ArticleRow; authors: Byline[]; timeZone: string; now: Date }): DashboardArticle {
  const moment = (date: Date | null) => (date ? zonedMoment({ date, timeZone }) : null);
  const isEmbargoed = row.embargoedUntil !== null && row.embargoedUntil.getTime() > now.getTime();
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    authors,
    section: row.sectionName,
    issue: row.issueTitle,
    updatedAt: zonedMoment({ date: row.updatedAt, timeZone }),
    publishedAt: moment(row.publishedAt),
    scheduledFor: row.status === 'scheduled' ? moment(row.scheduledFor) : null,
    embargoedUntil: isEmbargoed ? moment(row.embargoedUntil) : null,
    isOverdue: row.status === 'scheduled' && row.scheduledFor !== null && row.scheduledFor.getTime() <= now.getTime(),
  };
}

function groupByDay(articlesInOrder: DashboardArticle[]): ScheduledDay[] {
  const days: ScheduledDay[] = [];
  for (const article of articlesInOrder) {
    const day = article.scheduledFor?.day ?? '';
    const last = days.at(-1);
    if (last && last.day === day) last.articles.push(article);
    else days.push({ day, label: day ? dayLabel(day) : 'No date set', articles: [article] });
  }
  return days;
}

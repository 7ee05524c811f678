import { describe, expect, it } from 'vitest';
import { getDeskDashboard, type DashboardGroupKey, type DeskDashboard } from '@/lib/articles/desk-dashboard';
import { dashboardSearch } from '@/lib/articles/desk-dashboard-query';
import { updateSiteSettings } from '@/lib/platform/settings/site-settings';
import { createTestIssue, createTestSection } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';
import { createWorkflowArticle } from '../factories/workflow-article';

withTempDatabase();

const NOW = new Date('2025-04-15T12:00:00Z');

function group(dashboard: DeskDashboard, key: DashboardGroupKey) {
  const found = dashboard.groups.find((candidate) => candidate.key === key)!;
  return { count: found.count, titles: found.articles.map((article) => article.title) };
}

function allTitles(dashboard: DeskDashboard): string[] {
  return dashboard.all.articles.map((article) => article.title).sort();
}

describe('the desk dashboard', () => {
  it('sorts articles into the workflow groups with their counts', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    createWorkflowArticle({ status: 'draft', title: 'My draft', createdBy: editor.id });
    createWorkflowArticle({ status: 'changes_requested', title: 'My rework', authorContributorIds: [editor.contributorId], createdBy: author.id });
    createWorkflowArticle({ status: 'draft', title: 'Their draft', createdBy: author.id });
    createWorkflowArticle({ status: 'in_review', title: 'Waiting longer', createdBy: author.id, updatedAt: new Date('2025-04-01T00:00:00Z') });
    createWorkflowArticle({ status: 'in_review', title: 'Waiting less', createdBy: author.id, updatedAt: new Date('2025-04-10T00:00:00Z') });
    createWorkflowArticle({ status: 'approved', title: 'Ready', createdBy: author.id });
    createWorkflowArticle({ status: 'scheduled', title: 'Tomorrow', scheduledFor: new Date('2025-04-16T09:00:00Z') });
    createWorkflowArticle({ status: 'published', title: 'Older news', publishedAt: new Date('2025-04-01T09:00:00Z') });
    createWorkflowArticle({ status: 'published', title: 'Fresh news', publishedAt: new Date('2025-04-14T09:00:00Z') });
    createWorkflowArticle({ status: 'unpublished', title: 'Withdrawn' });

    const dashboard = getDeskDashboard({ actor: editor, query: {}, now: NOW });

    expect(group(dashboard, 'myDrafts')).toEqual({ count: 2, titles: expect.arrayContaining(['My draft', 'My rework']) });
    expect(group(dashboard, 'myDrafts').titles).toHaveLength(2);
    expect(group(dashboard, 'awaitingReview')).toEqual({ count: 2, titles: ['Waiting longer', 'Waiting less'] });
    expect(group(dashboard, 'changesRequested')).toEqual({ count: 1, titles: ['My rework'] });
    expect(group(dashboard, 'approved')).toEqual({ count: 1, titles: ['Ready'] });
    expect(group(dashboard, 'recentlyPublished')).toEqual({ count: 2, titles: ['Fresh news', 'Older news'] });
    expect(dashboard.scheduled.count).toBe(1);
    expect(dashboard.scheduled.days.map((day) => [day.label, day.articles.map((article) => article.title)])).toEqual([
      ['Wednesday, 16 April 2025', ['Tomorrow']],
    ]);
    expect(dashboard.all.total).toBe(10);
    expect(allTitles(dashboard)).toContain('Withdrawn');
    expect(dashboard.notes).toEqual([]);
  });

  it('shows an author only the articles they started or are in the byline of', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const otherAuthor = await createTestStaff({ role: 'author' });
    createWorkflowArticle({ status: 'draft', title: 'Started by me', createdBy: author.id });
    createWorkflowArticle({ status: 'in_review', title: 'Bylined to me', createdBy: editor.id, authorContributorIds: [author.contributorId] });
    createWorkflowArticle({ status: 'draft', title: 'Someone else’s draft', createdBy: otherAuthor.id });
    createWorkflowArticle({ status: 'in_review', title: 'Someone else’s submission', createdBy: otherAuthor.id });
    createWorkflowArticle({ status: 'scheduled', title: 'Someone else’s scheduled piece', scheduledFor: new Date('2025-04-20T09:00:00Z') });

    const dashboard = getDeskDashboard({ actor: author, query: {}, now: NOW });

    expect(allTitles(dashboard)).toEqual(['Bylined to me', 'Started by me']);
    expect(dashboard.all.total).toBe(2);
    expect(group(dashboard, 'myDrafts')).toEqual({ count: 1, titles: ['Started by me'] });
    expect(group(dashboard, 'awaitingReview')).toEqual({ count: 1, titles: ['Bylined to me'] });
    expect(dashboard.scheduled.count).toBe(0);
    expect(dashboard.scheduled.calendar.total).toBe(0);
  });

  it('narrows every group and the list by section, issue, author and status', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const writer = await createTestStaff({ role: 'author' });
    const news = createTestSection('News');
    const analysis = createTestSection('Analysis');
    const april = createTestIssue({ coverDate: '2025-04-01' });
    const may = createTestIssue({ coverDate: '2025-05-01' });
    createWorkflowArticle({ status: 'in_review', title: 'April news', sectionId: news, issueId: april.id, authorContributorIds: [writer.contributorId] });
    createWorkflowArticle({ status: 'in_review', title: 'May news', sectionId: news, issueId: may.id });
    createWorkflowArticle({ status: 'approved', title: 'April analysis', sectionId: analysis, issueId: april.id, authorContributorIds: [writer.contributorId] });
    createWorkflowArticle({ status: 'published', title: 'Published news', sectionId: news, issueId: april.id });

    const bySection = getDeskDashboard({ actor: editor, query: { section: String(news) }, now: NOW });
    expect(allTitles(bySection)).toEqual(['April news', 'May news', 'Published news']);
    expect(group(bySection, 'approved').count).toBe(0);
    expect(group(bySection, 'awaitingReview').count).toBe(2);
    expect(bySection.filters.sectionId).toBe(news);
    expect(bySection.isFiltered).toBe(true);

    const byIssue = getDeskDashboard({ actor: editor, query: { section: String(news), issue: String(april.id) }, now: NOW });
    expect(allTitles(byIssue)).toEqual(['April news', 'Published news']);

    const byAuthor = getDeskDashboard({ actor: editor, query: { author: String(writer.contributorId) }, now: NOW });
    expect(allTitles(byAuthor)).toEqual(['April analysis', 'April news']);

    const byStatus = getDeskDashboard({ actor: editor, query: { status: 'approved' }, now: NOW });
    expect(allTitles(byStatus)).toEqual(['April analysis']);
    expect(group(byStatus, 'awaitingReview').count).toBe(0);
    expect(byStatus.all.total).toBe(1);

    const blank = getDeskDashboard({ actor: editor, query: { section: '', issue: '', author: '', status: '' }, now: NOW });
    expect(blank.all.total).toBe(4);
    expect(blank.isFiltered).toBe(false);
    expect(blank.notes).toEqual([]);
  });

  it('ignores filters it cannot read, says so, and still shows everything', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createWorkflowArticle({ status: 'draft', title: 'Still shown', createdBy: editor.id });

    const dashboard = getDeskDashboard({
      actor: editor,
      query: { section: 'news', issue: '99999', author: ['-3', '4'], status: 'lost', month: '2025-13' },
      now: NOW,
    });

    expect(dashboard.filters).toEqual({ sectionId: null, issueId: null, contributorId: null, status: null });
    expect(dashboard.notes).toEqual([
      'There is no section “news”, so articles from every section are shown.',
      'There is no issue “99999”, so articles from every issue are shown.',
      'There is no author “-3”, so articles by every author are shown.',
      '“lost” is not a status, so articles in every status are shown.',
      '“2025-13” is not a month written as YYYY-MM, so the calendar shows the current month.',
    ]);
    expect(allTitles(dashboard)).toEqual(['Still shown']);
    expect(dashboard.scheduled.calendar.month).toBe('2025-04');
  });

  it('marks an embargo only while it holds', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createWorkflowArticle({ status: 'approved', title: 'Held back', embargoedUntil: new Date('2025-04-20T06:00:00Z') });
    createWorkflowArticle({ status: 'approved', title: 'Free now', embargoedUntil: new Date('2025-04-10T06:00:00Z') });

    const approved = getDeskDashboard({ actor: editor, query: {}, now: NOW }).groups.find((candidate) => candidate.key === 'approved')!;

    const byTitle = new Map(approved.articles.map((article) => [article.title, article]));
    expect(byTitle.get('Held back')?.embargoedUntil?.label).toBe('Sunday, 20 April 2025, 06:00');
    expect(byTitle.get('Free now')?.embargoedUntil).toBeNull();
  });

  it('lists at most fifty articles but counts them all', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    for (let index = 0; index < 55; index++) createWorkflowArticle({ status: 'draft', createdBy: editor.id });

    const dashboard = getDeskDashboard({ actor: editor, query: {}, now: NOW });

    expect(dashboard.all.total).toBe(55);
    expect(dashboard.all.articles).toHaveLength(50);
    expect(group(dashboard, 'myDrafts')).toMatchObject({ count: 55 });
    expect(group(dashboard, 'myDrafts').titles).toHaveLength(10);
  });
});

describe('the scheduling calendar', () => {
  it('puts an article on the day it is in the site’s time zone, with the local time', async () => {
    expect(updateSiteSettings({ timeZone: 'Asia/Tokyo' }).ok).toBe(true);
    const editor = await createTestStaff({ role: 'editor' });
    // 23:30 on 30 April in UTC is 08:30 on 1 May in Tokyo.
    createWorkflowArticle({ status: 'scheduled', title: 'Late-night piece', scheduledFor: new Date('2025-04-30T23:30:00Z') });

    const may = getDeskDashboard({ actor: editor, query: { month: '2025-05' }, now: NOW });
    const cells = may.scheduled.calendar.weeks.flat();
    const firstOfMay = cells.find((cell) => cell?.day === '2025-05-01');
    expect(firstOfMay?.entries.map((entry) => [entry.title, entry.time])).toEqual([['Late-night piece', '08:30']]);
    expect(cells.filter((cell) => (cell?.entries.length ?? 0) > 0)).toHaveLength(1);
    expect(may.timeZone).toBe('Asia/Tokyo');
    expect(may.scheduled.days.map((day) => day.day)).toEqual(['2025-05-01']);
    expect(may.scheduled.days[0]!.articles[0]!.scheduledFor?.label).toBe('Thursday, 1 May 2025, 08:30');

    const april = getDeskDashboard({ actor: editor, query: { month: '2025-04' }, now: NOW });
    expect(april.scheduled.calendar.total).toBe(0);
  });

  it('shows the same moment on the day before in UTC', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createWorkflowArticle({ status: 'scheduled', title: 'Late-night piece', scheduledFor: new Date('2025-04-30T23:30:00Z') });

    const april = getDeskDashboard({ actor: editor, query: { month: '2025-04' }, now: NOW });
    const lastOfApril = april.scheduled.calendar.weeks.flat().find((cell) => cell?.day === '2025-04-30');

    expect(lastOfApril?.entries.map((entry) => entry.time)).toEqual(['23:30']);
    expect(getDeskDashboard({ actor: editor, query: { month: '2025-05' }, now: NOW }).scheduled.calendar.total).toBe(0);
  });

  it('lays a month out in full weeks from Monday, with links to the months either side', async () => {
    const editor = await createTestStaff({ role: 'editor' });

    const calendar = getDeskDashboard({ actor: editor, query: { month: '2025-05' }, now: NOW }).scheduled.calendar;

    expect(calendar.label).toBe('May 2025');
    expect(calendar.previousMonth).toBe('2025-04');
    expect(calendar.nextMonth).toBe('2025-06');
    expect([calendar.previousLabel, calendar.nextLabel]).toEqual(['April 2025', 'June 2025']);
    expect(calendar.isCurrentMonth).toBe(false);
    expect(calendar.weeks.every((week) => week.length === 7)).toBe(true);
    // 1 May 2025 is a Thursday: three blank cells before it.
    expect(calendar.weeks[0]!.map((cell) => cell?.dayOfMonth ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(calendar.weeks.flat().filter((cell) => cell !== null)).toHaveLength(31);

    const january = getDeskDashboard({ actor: editor, query: { month: '2025-01' }, now: NOW }).scheduled.calendar;
    expect([january.previousMonth, january.nextMonth]).toEqual(['2024-12', '2025-02']);
  });

  it('keeps the filters in the links between months', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const news = createTestSection('News');

    const dashboard = getDeskDashboard({ actor: editor, query: { section: String(news), status: 'scheduled', month: '2025-05' }, now: NOW });

    expect(dashboardSearch({ filters: dashboard.filters, month: dashboard.scheduled.calendar.nextMonth })).toBe(`?section=${news}&status=scheduled&month=2025-06`);
    expect(dashboardSearch({ filters: dashboard.filters, month: null })).toBe(`?section=${news}&status=scheduled`);
  });

  it('opens on the current month in the site’s time zone, and marks today', async () => {
    expect(updateSiteSettings({ timeZone: 'Asia/Tokyo' }).ok).toBe(true);
    const editor = await createTestStaff({ role: 'editor' });
    const lateOnTheLastDayInUtc = new Date('2025-01-31T20:00:00Z');

    const calendar = getDeskDashboard({ actor: editor, query: {}, now: lateOnTheLastDayInUtc }).scheduled.calendar;

    expect(calendar.month).toBe('2025-02');
    expect(calendar.isCurrentMonth).toBe(true);
    expect(calendar.weeks.flat().filter((cell) => cell?.isToday).map((cell) => cell!.day)).toEqual(['2025-02-01']);
  });

  it('flags a scheduled article whose moment has passed', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createWorkflowArticle({ status: 'scheduled', title: 'Missed', scheduledFor: new Date('2025-04-15T11:00:00Z') });
    createWorkflowArticle({ status: 'scheduled', title: 'Coming', scheduledFor: new Date('2025-04-15T13:00:00Z') });

    const days = getDeskDashboard({ actor: editor, query: {}, now: NOW }).scheduled.days;

    expect(days).toHaveLength(1);
    expect(days[0]!.articles.map((article) => [article.title, article.isOverdue])).toEqual([
      ['Missed', true],
      ['Coming', false],
    ]);
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, issues, sections } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { createIssue } from '@/lib/issues/create-issue';
import { getIssueContents } from '@/lib/issues/get-issue';
import { getIssuePlan } from '@/lib/issues/get-issue-plan';
import { getIssuePreview } from '@/lib/issues/get-issue-preview';
import { publishIssue } from '@/lib/issues/publish-issue';
import { removeIssueArticle } from '@/lib/issues/remove-issue-article';
import { reorderIssueSection, STALE_ORDER_MESSAGE } from '@/lib/issues/reorder-issue-section';
import { searchArticlesForIssue } from '@/lib/issues/search-articles-for-issue';
import { updateIssue } from '@/lib/issues/update-issue';
import { createTestSection, paragraphDoc } from '../factories/article';
import { createIssueArticle, createPlanningIssue } from '../factories/issue-articles';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const FORM = { slug: '2031-06', title: 'June 2031', volume: '40', number: '6', coverMonth: '2031-06', plannedPublicationDate: '2031-06-28', coverMediaId: '', editorsNoteBody: '' };

function positions(ids: number[]) {
  return ids.map((id) => getDb().select({ issuePosition: articles.issuePosition }).from(articles).where(eq(articles.id, id)).get()!.issuePosition);
}

describe('issue details', () => {
  it('creates an issue in planning with its editor’s note as rich text and its plain text alongside', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A month of ' }, { type: 'text', text: 'treaties', marks: [{ type: 'bold' }] }] }] };
    const result = createIssue({ actor: editor, input: { ...FORM, editorsNoteBody: JSON.stringify(note) } });
    if (!result.ok) throw new Error(result.error);
    expect(getDb().select().from(issues).where(eq(issues.id, result.id)).get()).toMatchObject({
      slug: '2031-06',
      title: 'June 2031',
      volume: 40,
      number: 6,
      coverDate: '2031-06-01',
      plannedPublicationDate: '2031-06-28',
      status: 'planning',
      editorsNote: 'A month of treaties',
      editorsNoteBody: note,
    });
  });

  it('refuses HTML or unknown content in the editor’s note, a taken slug and a taken volume/number, with field errors', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    expect(createIssue({ actor: editor, input: FORM }).ok).toBe(true);
    const again = createIssue({ actor: editor, input: { ...FORM, editorsNoteBody: '<p>Hello</p>' } });
    expect(again).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String), number: expect.stringContaining('Volume 40 already has a number 6'), editorsNoteBody: expect.any(String) } });
    const script = createIssue({ actor: editor, input: { ...FORM, slug: '2031-07', number: '7', editorsNoteBody: JSON.stringify({ type: 'doc', content: [{ type: 'script' }] }) } });
    expect(script).toMatchObject({ ok: false, fieldErrors: { editorsNoteBody: expect.stringContaining('not something an article can contain') } });
    const bad = createIssue({ actor: editor, input: { ...FORM, slug: 'April 2031', volume: 'eight', coverMonth: '2031-13' } });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String), volume: expect.any(String), coverMonth: expect.any(String) } });
    expect(getDb().select().from(issues).all()).toHaveLength(1);
  });

  it('lets only editors and admins create or change issues, and never moves a published issue back to planning', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(() => createIssue({ actor: author, input: FORM })).toThrow(ForbiddenError);
    const published = createPlanningIssue({ status: 'published' });
    expect(() => updateIssue({ actor: author, id: published.id, input: FORM })).toThrow(ForbiddenError);
    expect(() => updateIssue({ actor: editor, id: 9999, input: FORM })).toThrow(NotFoundError);
    const result = updateIssue({ actor: editor, id: published.id, input: { ...FORM, title: 'Renamed', status: 'planning' } });
    expect(result).toMatchObject({ ok: true, isPublished: true });
    expect(getDb().select().from(issues).where(eq(issues.id, published.id)).get()).toMatchObject({ title: 'Renamed', status: 'published' });
  });
});

describe('the planner', () => {
  it('groups the issue’s articles by section in section order, in their planned order, with what blocks each', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const analysis = createTestSection('Analysis');
    const news = createTestSection('News');
    getDb().update(sections).set({ position: -1 }).where(eq(sections.id, news)).run();
    const issue = createPlanningIssue();
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: analysis, title: 'Analysis piece', status: 'approved' });
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Second news', status: 'draft', position: 1 });
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'First news', status: 'published', position: 0 });
    const plan = getIssuePlan({ id: issue.id, actor: editor });
    expect(plan.sections.map((section) => [section.name, section.articles.map((article) => [article.title, article.status, article.isReady])])).toEqual([
      ['News', [['First news', 'published', true], ['Second news', 'draft', false]]],
      ['Analysis', [['Analysis piece', 'approved', true]]],
    ]);
    expect(plan.blockers).toEqual([{ articleId: expect.any(Number), title: 'Second news', reasons: ['It is draft; it needs an editor’s approval.'] }]);
    expect(() => getIssuePlan({ id: issue.id, actor: author })).toThrow(ForbiddenError);
  });

  it('reorders a section when the list names exactly its articles, and refuses a stale list without changing anything', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const news = createTestSection('News');
    const issue = createPlanningIssue();
    const [first, second, third] = ['One', 'Two', 'Three'].map((title, position) => createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title, position }).id) as [number, number, number];
    expect(reorderIssueSection({ actor: editor, issueId: issue.id, input: { sectionId: news, articleIds: [third, first, second] } })).toEqual({ ok: true, articleIds: [third, first, second] });
    expect(positions([third, first, second])).toEqual([0, 1, 2]);

    const stale = [{ sectionId: news, articleIds: [first, second] }, { sectionId: news, articleIds: [first, second, third, third] }, { sectionId: null, articleIds: [first, second, third] }];
    for (const input of stale) {
      expect(reorderIssueSection({ actor: editor, issueId: issue.id, input })).toEqual({ ok: false, error: STALE_ORDER_MESSAGE });
    }
    expect(positions([third, first, second])).toEqual([0, 1, 2]);
    expect(() => reorderIssueSection({ actor: author, issueId: issue.id, input: { sectionId: news, articleIds: [first, second, third] } })).toThrow(ForbiddenError);
  });

  it('adds an article from no issue at the end of its section, refuses one from another issue, and removing sets its issue to none', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const news = createTestSection('News');
    const issue = createPlanningIssue();
    const other = createPlanningIssue({ title: 'Other issue' });
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Already here', position: 4 });
    const loose = createIssueArticle({ owner: author, issueId: null, sectionId: news, title: 'Verification talks resume' });
    const elsewhere = createIssueArticle({ owner: author, issueId: other.id, sectionId: news, title: 'Belongs elsewhere' });

    expect(searchArticlesForIssue({ actor: editor, query: 'verification TALKS' }).map((row) => row.title)).toEqual(['Verification talks resume']);
    expect(searchArticlesForIssue({ actor: editor, query: 'elsewhere' })).toEqual([]);
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: loose.id })).toEqual({ ok: true, title: 'Verification talks resume' });
    expect(getDb().select({ issueId: articles.issueId, issuePosition: articles.issuePosition }).from(articles).where(eq(articles.id, loose.id)).get()).toEqual({ issueId: issue.id, issuePosition: 5 });
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: loose.id }).ok).toBe(true);
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: elsewhere.id })).toEqual({ ok: false, error: '“Belongs elsewhere” is already in Other issue; remove it there first.' });
    expect(() => addIssueArticle({ actor: author, issueId: issue.id, articleId: elsewhere.id })).toThrow(ForbiddenError);

    expect(removeIssueArticle({ actor: editor, issueId: issue.id, articleId: loose.id })).toEqual({ ok: true, title: 'Verification talks resume', isStillListed: false });
    expect(getDb().select({ issueId: articles.issueId }).from(articles).where(eq(articles.id, loose.id)).get()).toEqual({ issueId: null });
    expect(() => removeIssueArticle({ actor: editor, issueId: issue.id, articleId: 9999 })).toThrow(NotFoundError);
  });
});

describe('the table of contents', () => {
  it('shows readers only published articles, by published section in section order, then in the planned order', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const news = createTestSection('News');
    const features = createTestSection('Features');
    const issue = createPlanningIssue();
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: features, title: 'Feature', position: 0 });
    const [late, early] = ['Late news', 'Early news'].map((title, position) => createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title, position }).id) as [number, number];
    expect(publishIssue({ actor: editor, id: issue.id }).ok).toBe(true);
    reorderIssueSection({ actor: editor, issueId: issue.id, input: { sectionId: news, articleIds: [early, late] } });
    const unpublished = createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Added later, unpublished', position: 2 });

    const contents = getIssueContents(issue.slug)!;
    expect(contents.sections.map((section) => [section.name, section.articles.map((article) => article.title)])).toEqual([
      ['News', ['Early news', 'Late news']],
      ['Features', ['Feature']],
    ]);
    expect(contents.sections[0]!.articles[0]).toMatchObject({ dek: 'Why this matters, in one sentence.', authors: [{ name: author.name }], href: expect.stringMatching(/^\/articles\//) });

    const preview = getIssuePreview({ id: issue.id, actor: editor });
    expect(preview.sections[0]!.articles.map((article) => article.title)).toEqual(['Early news', 'Late news', 'Added later, unpublished']);
    expect(preview.sections[0]!.articles[2]!.href).toBe(`/desk/articles/${unpublished.id}/preview`);
    expect(() => getIssuePreview({ id: issue.id, actor: author })).toThrow(ForbiddenError);
  });

  it('renders the editor’s note from its rich text', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const created = createIssue({ actor: editor, input: { ...FORM, editorsNoteBody: JSON.stringify(paragraphDoc('Welcome to <June>.')) } });
    if (!created.ok) throw new Error(created.error);
    getDb().update(issues).set({ status: 'published' }).where(eq(issues.id, created.id)).run();
    expect(getIssueContents('2031-06')?.editorsNoteHtml).toBe('<p>Welcome to &lt;June&gt;.</p>');
  });
});

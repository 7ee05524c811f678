import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, articleSlugHistory, revisions } from '@/db/schema';
import { compareRevisions } from '@/lib/articles/compare-revisions';
import { createArticle } from '@/lib/articles/create-article';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { listRevisions } from '@/lib/articles/list-revisions';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { AUTOSAVE_COALESCE_MS, saveArticle } from '@/lib/articles/save-article';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { articleRow, saveInput } from '../factories/draft';
import { createPlanningIssue } from '../factories/issue-articles';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

async function newDraft(title = 'Mine Ban Treaty exits') {
  const author = await createTestStaff({ role: 'author' });
  const created = createArticle({ actor: author, title });
  if (!created.ok) throw new Error(created.error);
  return { author, id: created.id };
}

describe('creating an article', () => {
  it('starts a draft with the creator in the byline, a unique slug and a first revision', async () => {
    const { author, id } = await newDraft('New START expires');
    const again = createArticle({ actor: author, title: 'New START expires' });
    const article = getArticleForEdit({ id, actor: author });
    expect(article).toMatchObject({ title: 'New START expires', slug: 'new-start-expires', version: 1, status: 'draft' });
    expect(article.authors.map((entry) => entry.name)).toEqual([author.name]);
    expect(again.ok && getArticleForEdit({ id: again.id, actor: author }).slug).toBe('new-start-expires-2');
    expect(listRevisions({ articleId: id, actor: author })).toHaveLength(1);
  });

  it('refuses an empty title', async () => {
    const author = await createTestStaff();
    expect(createArticle({ actor: author, title: '   ' })).toEqual({ ok: false, error: 'Give the article a working title.' });
  });
});

describe('saving', () => {
  it('writes the working copy, bumps the version and records who saved and why', async () => {
    const { author, id } = await newDraft();
    const result = saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Five states said they would leave.' }) });
    expect(result).toMatchObject({ ok: true, version: 2, wordCount: 6, isCoalesced: false });
    expect(articleRow(id)).toMatchObject({ version: 2, bodyText: 'Five states said they would leave.', wordCount: 6 });
    expect(listRevisions({ articleId: id, actor: author })[0]).toMatchObject({ version: 2, reason: 'save', authorName: author.name });
  });

  it('refuses a stale save with the server copy, changing nothing', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const authorsStart = saveInput({ articleId: id, actor: author, text: 'Author text.' });
    expect(saveArticle({ id, actor: editor, input: saveInput({ articleId: id, actor: editor, text: 'Editor text.' }) }).ok).toBe(true);
    const stale = saveArticle({ id, actor: author, input: authorsStart });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', current: { version: 2 } });
    if (stale.ok || stale.kind !== 'conflict') return;
    expect(stale.current.html).toContain('Editor text.');
    expect(stale.current.updatedBy).toBe(editor.name);
    expect(articleRow(id).bodyText).toBe('Editor text.');
  });

  it('a conflict names the other staff member, when they saved, and that it was not me', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const authorsStart = saveInput({ articleId: id, actor: author, text: 'Author text.', editorId: 'author-tab-0001' });
    saveArticle({ id, actor: editor, input: saveInput({ articleId: id, actor: editor, text: 'Editor text.', editorId: 'editor-tab-0001' }), now: Date.parse('2026-03-02T10:00:00Z') });
    const stale = saveArticle({ id, actor: author, input: authorsStart });
    expect(stale).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: { updatedBy: editor.name, updatedAt: '2026-03-02T10:00:00.000Z', isSameStaff: false, isSameEditor: false },
    });
  });

  it('a conflict with my own save from another tab says it was me, from another editor', async () => {
    const { author, id } = await newDraft();
    const fromFirstTab = saveInput({ articleId: id, actor: author, text: 'Typed in the first tab.', editorId: 'first-tab-0001' });
    saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Typed in the second tab.', editorId: 'second-tab-0001' }) });
    const stale = saveArticle({ id, actor: author, input: fromFirstTab });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', current: { updatedBy: author.name, isSameStaff: true, isSameEditor: false } });
  });

  it('a conflict names who saved the version even when a text kept aside was filed after it', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const authorsStart = saveInput({ articleId: id, actor: author, text: 'Author text.' });
    saveArticle({ id, actor: editor, input: saveInput({ articleId: id, actor: editor, text: 'Editor text.' }) });
    expect(saveArticle({ id, actor: author, input: { ...authorsStart, reason: 'conflict' } }).ok).toBe(true);
    const stale = saveArticle({ id, actor: author, input: authorsStart });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', current: { updatedBy: editor.name, isSameStaff: false } });
  });

  it('refuses an editor id that is not a plain token, saying so', async () => {
    const { author, id } = await newDraft();
    const result = saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Text.', editorId: '<script>' }) });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { editorId: 'The editor sent a malformed window id; reload the page.' } });
  });

  it('keeping mine after a conflict saves it on top, and both texts stay in the history', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const mine = saveInput({ articleId: id, actor: author, text: 'Author text.' });
    saveArticle({ id, actor: editor, input: saveInput({ articleId: id, actor: editor, text: 'Editor text.' }) });
    const conflict = saveArticle({ id, actor: author, input: mine });
    if (conflict.ok || conflict.kind !== 'conflict') throw new Error('expected a conflict');
    expect(saveArticle({ id, actor: author, input: { ...mine, baseVersion: conflict.current.version } })).toMatchObject({ ok: true, version: 3 });
    const texts = getDb().select({ text: revisions.bodyText }).from(revisions).where(eq(revisions.articleId, id)).all().map((row) => row.text);
    expect(texts).toEqual(expect.arrayContaining(['Author text.', 'Editor text.']));
  });

  it('taking theirs after a conflict files mine as a revision without touching the working copy', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const mine = saveInput({ articleId: id, actor: author, text: 'Author text.' });
    saveArticle({ id, actor: editor, input: saveInput({ articleId: id, actor: editor, text: 'Editor text.' }) });
    expect(saveArticle({ id, actor: author, input: { ...mine, reason: 'conflict' } })).toMatchObject({ ok: true, version: 2 });
    expect(articleRow(id)).toMatchObject({ version: 2, bodyText: 'Editor text.' });
    expect(listRevisions({ articleId: id, actor: author })[0]).toMatchObject({ reason: 'conflict', authorName: author.name });
  });

  it('refuses an invalid document with the reason, and nothing stored changes', async () => {
    const { author, id } = await newDraft();
    const before = articleRow(id);
    const bad = saveInput({
      articleId: id,
      actor: author,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    const result = saveArticle({ id, actor: author, input: bad });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok) expect(result.error).toContain('javascript:alert(1)');
    expect(articleRow(id)).toEqual(before);
    expect(listRevisions({ articleId: id, actor: author })).toHaveLength(1);
  });

  it('refuses a document over the size limit', async () => {
    const { author, id } = await newDraft();
    const huge = saveInput({ articleId: id, actor: author, text: 'word '.repeat(1_100_000) });
    const result = saveArticle({ id, actor: author, input: huge });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok) expect(result.error).toMatch(/over the 5\.0 MB limit/);
  });

  it('names bad metadata fields', async () => {
    const { author, id } = await newDraft();
    const result = saveArticle({ id, actor: author, input: { ...saveInput({ articleId: id, actor: author }), title: '', slug: 'Not A Slug' } });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { title: 'Give the article a title.' } });
    if (!result.ok && result.kind === 'invalid') expect(result.fieldErrors?.slug).toContain('lower-case letters');
  });

  it('keeps the issue the planner set while the writer had the article open, unless the writer changes it', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue({ title: 'June 2031' });
    const opened = saveInput({ articleId: id, actor: author, text: 'Opened before the planner filed it.' });
    expect(opened.issueId).toBeNull();
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: id }).ok).toBe(true);

    const first = saveArticle({ id, actor: author, input: opened });
    expect(first).toMatchObject({ ok: true, issueId: issue.id });
    expect(articleRow(id).issueId).toBe(issue.id);
    expect(listRevisions({ articleId: id, actor: author }).length).toBeGreaterThan(1);
    const following = saveInput({ articleId: id, actor: author, text: 'A second save, with the issue the editor now shows.' });
    expect(saveArticle({ id, actor: author, input: following })).toMatchObject({ ok: true, issueId: issue.id });

    // Taking it out of the issue by hand in the editor still works.
    const takenOut = { ...saveInput({ articleId: id, actor: editor, text: 'Not for June after all.' }), issueId: null };
    expect(saveArticle({ id, actor: editor, input: takenOut })).toMatchObject({ ok: true, issueId: null });
    expect(articleRow(id).issueId).toBeNull();
  });
});

describe('autosave coalescing', () => {
  it('folds one writer\'s autosaves within five minutes into one revision, and starts a new one after', async () => {
    const { author, id } = await newDraft();
    const start = Date.now();
    const autosave = (text: string, now: number) =>
      saveArticle({ id, actor: author, now, input: { ...saveInput({ articleId: id, actor: author, text }), reason: 'autosave' } });
    expect(autosave('One', start)).toMatchObject({ ok: true, isCoalesced: false });
    expect(autosave('One two', start + 60_000)).toMatchObject({ ok: true, isCoalesced: true });
    expect(autosave('One two three', start + 120_000)).toMatchObject({ ok: true, isCoalesced: true, version: 4 });
    expect(autosave('One two three four', start + AUTOSAVE_COALESCE_MS + 1)).toMatchObject({ ok: true, isCoalesced: false });
    const history = listRevisions({ articleId: id, actor: author });
    expect(history.map((entry) => [entry.reason, entry.version])).toEqual([
      ['autosave', 5],
      ['autosave', 4],
      ['save', 1],
    ]);
    expect(getDb().select().from(revisions).where(eq(revisions.version, 4)).get()?.bodyText).toBe('One two three');
  });

  it('a Save of exactly what the writer\'s last autosave holds marks that revision as saved instead of filing a copy', async () => {
    const { author, id } = await newDraft();
    const start = Date.now();
    const save = (text: string, reason: 'autosave' | 'save', now: number) => saveArticle({ id, actor: author, now, input: { ...saveInput({ articleId: id, actor: author, text }), reason } });
    expect(save('Signed in Ottawa', 'autosave', start)).toMatchObject({ ok: true, isCoalesced: false });
    expect(save('Signed in Ottawa', 'save', start + 2_000)).toMatchObject({ ok: true, isCoalesced: true, version: 3 });
    // The twin: a Save that changes something files a revision of its own.
    expect(save('Signed in Ottawa in 1997', 'save', start + 4_000)).toMatchObject({ ok: true, isCoalesced: false, version: 4 });
    const history = listRevisions({ articleId: id, actor: author });
    expect(history.map((entry) => [entry.reason, entry.version])).toEqual([
      ['save', 4],
      ['save', 3],
      ['save', 1],
    ]);
  });

  it('does not fold into another writer\'s autosave', async () => {
    const { author, id } = await newDraft();
    const editor = await createTestStaff({ role: 'editor' });
    saveArticle({ id, actor: author, input: { ...saveInput({ articleId: id, actor: author, text: 'a' }), reason: 'autosave' } });
    expect(saveArticle({ id, actor: editor, input: { ...saveInput({ articleId: id, actor: editor, text: 'b' }), reason: 'autosave' } })).toMatchObject({ isCoalesced: false });
  });
});

describe('slugs', () => {
  it('keeps the old slug when it changes, and refuses one another article uses or used', async () => {
    const { author, id } = await newDraft('First title');
    const other = createArticle({ actor: author, title: 'Other article' });
    if (!other.ok) throw new Error(other.error);
    expect(saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, slug: 'better-slug' }) }).ok).toBe(true);
    expect(getDb().select().from(articleSlugHistory).all()).toMatchObject([{ slug: 'first-title', articleId: id }]);
    const taken = saveArticle({ id: other.id, actor: author, input: saveInput({ articleId: other.id, actor: author, slug: 'first-title' }) });
    expect(taken).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { slug: expect.stringContaining('already used') } });
    expect(saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, slug: 'first-title' }) }).ok).toBe(true);
    expect(getDb().select({ slug: articleSlugHistory.slug }).from(articleSlugHistory).all()).toEqual([{ slug: 'better-slug' }]);
  });
});

describe('who may save', () => {
  it("an author cannot open or save another author's article; an editor can", async () => {
    const { author, id } = await newDraft();
    const otherAuthor = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const input = saveInput({ articleId: id, actor: author, text: 'x' });
    expect(() => getArticleForEdit({ id, actor: otherAuthor })).toThrow(NotFoundError);
    expect(() => saveArticle({ id, actor: otherAuthor, input })).toThrow(NotFoundError);
    expect(saveArticle({ id, actor: editor, input }).ok).toBe(true);
  });

  it('an article that does not exist is NotFound', async () => {
    const author = await createTestStaff();
    expect(() => getArticleForEdit({ id: 999, actor: author })).toThrow(NotFoundError);
    expect(() => getArticleForEdit({ id: Number.NaN, actor: author })).toThrow(NotFoundError);
  });

  it('an author cannot save their article while it is in review, and the text stays as it was; an editor can', async () => {
    const { author, id } = await newDraft();
    getDb().update(articles).set({ status: 'in_review' }).where(eq(articles.id, id)).run();
    const editor = await createTestStaff({ role: 'editor' });
    const input = saveInput({ articleId: id, actor: author, text: 'Changed during review.' });
    expect(() => saveArticle({ id, actor: author, input })).toThrow(new ForbiddenError('This article is with the editors for review. Withdraw it to edit, or wait until they request changes.'));
    expect(articleRow(id)).toMatchObject({ bodyText: '', status: 'in_review' });
    expect(saveArticle({ id, actor: editor, input })).toMatchObject({ ok: true });
    expect(articleRow(id)).toMatchObject({ bodyText: 'Changed during review.', status: 'in_review' });
  });

  it('a retried identical save is refused as stale rather than applied twice', async () => {
    const { author, id } = await newDraft();
    const input = saveInput({ articleId: id, actor: author, text: 'Once.' });
    expect(saveArticle({ id, actor: author, input }).ok).toBe(true);
    expect(saveArticle({ id, actor: author, input })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(listRevisions({ articleId: id, actor: author })).toHaveLength(2);
  });
});

describe('history', () => {
  it('restores an old revision as a new one on top, keeping everything', async () => {
    const { author, id } = await newDraft();
    saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'First version.', title: 'Old title' }) });
    const firstRevision = listRevisions({ articleId: id, actor: author })[0]!;
    saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Second version.', title: 'New title', slug: 'new-slug' }) });
    const restored = restoreRevision({ articleId: id, revisionId: firstRevision.id, actor: author });
    expect(restored).toMatchObject({ ok: true, version: 4 });
    expect(articleRow(id)).toMatchObject({ title: 'Old title', bodyText: 'First version.', slug: 'new-slug' });
    expect(listRevisions({ articleId: id, actor: author }).map((entry) => entry.reason)).toEqual(['restore', 'save', 'save', 'save']);
    expect(listRevisions({ articleId: id, actor: author })[0]!.note).toBe(`Restored version ${firstRevision.version}`);
  });

  it('compares two revisions word by word and lists metadata changes', async () => {
    const { author, id } = await newDraft();
    saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Poland will leave the treaty.', title: 'A' }) });
    saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'Poland and Finland will leave the treaty soon.', title: 'B' }) });
    const [newer, older] = listRevisions({ articleId: id, actor: author });
    const comparison = compareRevisions({ articleId: id, fromId: older!.id, toId: newer!.id, actor: author });
    expect(comparison.text.blocks).toEqual([
      [
        { kind: 'same', text: 'Poland ' },
        { kind: 'added', text: 'and Finland ' },
        { kind: 'same', text: 'will leave the treaty ' },
        { kind: 'added', text: 'soon' },
        { kind: 'same', text: '.' },
      ],
    ]);
    expect(comparison.text).toMatchObject({ addedWords: 3, removedWords: 0 });
    expect(comparison.metaChanges).toEqual([{ label: 'Title', before: 'A', after: 'B' }]);
    expect(() => compareRevisions({ articleId: id, fromId: 99999, toId: newer!.id, actor: author })).toThrow(NotFoundError);
  });
});

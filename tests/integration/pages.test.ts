import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createPage } from '@/lib/site/pages/create-page';
import { deletePage } from '@/lib/site/pages/delete-page';
import { getPublishedPage } from '@/lib/site/pages/get-published-page';
import { listPages } from '@/lib/site/pages/list-pages';
import { publishPage, unpublishPage } from '@/lib/site/pages/publish-page';
import { savePage } from '@/lib/site/pages/save-page';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';
import { paragraphDoc } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function row(id: number) {
  const found = getDb().select().from(pages).where(eq(pages.id, id)).get();
  if (!found) throw new Error(`no page ${id}`);
  return found;
}

async function newPage(input: { title: string; slug?: string }) {
  const editor = await createTestStaff({ role: 'editor' });
  const created = createPage({ actor: editor, input });
  if (!created.ok) throw new Error(created.error);
  return { editor, id: created.id };
}

describe('standalone pages', () => {
  it('creates a draft with a slug from the title, saves on top of its version and refuses a stale save without losing either text', async () => {
    const { editor, id } = await newPage({ title: 'About us' });
    expect(row(id)).toMatchObject({ slug: 'about-us', title: 'About us', status: 'draft', version: 1, publishedBody: null });

    const saved = savePage({ actor: editor, id, baseVersion: 1, input: { title: 'About Masthead', slug: 'about', seoDescription: 'Who we are.', body: paragraphDoc('We report on arms control.') } });
    expect(saved).toEqual({ ok: true, version: 2 });
    expect(row(id)).toMatchObject({ slug: 'about', title: 'About Masthead', version: 2, body: paragraphDoc('We report on arms control.') });

    const stale = savePage({ actor: editor, id, baseVersion: 1, input: { title: 'Older title', slug: 'about', seoDescription: '', body: paragraphDoc('An older text.') } });
    expect(stale).toMatchObject({ ok: false, conflict: { version: 2 } });
    if (stale.ok) throw new Error('saved');
    expect(stale.error).toBe(`Someone else saved this page since you opened it (now version 2, by ${editor.name}). Nothing was overwritten: your text is still in the editor. Copy what you need, then reload to see theirs.`);
    expect(row(id)).toMatchObject({ title: 'About Masthead', version: 2, body: paragraphDoc('We report on arms control.') });
  });

  it('refuses a body that is not a valid document, naming the problem', async () => {
    const { editor, id } = await newPage({ title: 'Contact' });
    const result = savePage({ actor: editor, id, baseVersion: 1, input: { title: 'Contact', slug: 'contact', seoDescription: '', body: { type: 'doc', content: [{ type: 'script', text: 'x' }] } } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { body: expect.stringContaining('script') } });
    expect(row(id).version).toBe(1);
  });

  it('refuses a slug taken by a route of the site, or by another page, naming the clash', async () => {
    const { editor, id } = await newPage({ title: 'About' });
    expect(createPage({ actor: editor, input: { title: 'Search tips', slug: 'search' } })).toEqual({
      ok: false,
      error: 'The address /search belongs to the site’s own search pages; choose another slug.',
      fieldErrors: { slug: 'The address /search belongs to the site’s own search pages; choose another slug.' },
    });
    expect(createPage({ actor: editor, input: { title: 'About again', slug: 'about' } })).toMatchObject({
      ok: false,
      fieldErrors: { slug: 'The page “About” already uses /about; choose another slug.' },
    });
    expect(createPage({ actor: editor, input: { title: 'Shouting', slug: 'About-Us' } })).toMatchObject({ ok: false, fieldErrors: { slug: 'Use lower-case letters, digits and hyphens only, e.g. submission-guidelines.' } });
    const second = createPage({ actor: editor, input: { title: 'Masthead staff', slug: 'staff' } });
    if (!second.ok) throw new Error(second.error);
    expect(savePage({ actor: editor, id: second.id, baseVersion: 1, input: { title: 'Masthead staff', slug: 'about', seoDescription: '', body: paragraphDoc('x') } })).toMatchObject({
      ok: false,
      fieldErrors: { slug: 'The page “About” already uses /about; choose another slug.' },
    });
    expect(savePage({ actor: editor, id: second.id, baseVersion: 1, input: { title: 'Masthead staff', slug: 'articles', seoDescription: '', body: paragraphDoc('x') } })).toMatchObject({
      ok: false,
      fieldErrors: { slug: 'The address /articles belongs to the site’s own articles pages; choose another slug.' },
    });
    expect(row(id).slug).toBe('about');
  });

  it('shows readers the published copy only: a draft is not readable, an edit waits for the next publication, an unpublished page is gone', async () => {
    const { editor, id } = await newPage({ title: 'Submission guidelines' });
    savePage({ actor: editor, id, baseVersion: 1, input: { title: 'Submission guidelines', slug: 'submissions', seoDescription: 'How to pitch.', body: paragraphDoc('Send us a pitch of 300 words.') } });
    expect(getPublishedPage('submissions')).toBeNull();
    expect(listSitemapEntries().map((entry) => entry.path)).not.toContain('/submissions');

    expect(publishPage({ actor: editor, id, version: 1 })).toMatchObject({ ok: false, conflict: { version: 2 } });
    expect(publishPage({ actor: editor, id, version: 2 })).toMatchObject({ ok: true, slug: 'submissions' });
    const stored = row(id);
    expect(stored).toMatchObject({ status: 'published', publishedTitle: 'Submission guidelines', publishedBody: paragraphDoc('Send us a pitch of 300 words.') });
    expect(stored.publishedAt).toBeInstanceOf(Date);
    const shown = getPublishedPage('submissions');
    expect(shown).toMatchObject({ id, slug: 'submissions', title: stored.publishedTitle, description: 'How to pitch.' });
    expect(shown?.html).toBe('<p>Send us a pitch of 300 words.</p>');
    expect(listSitemapEntries().map((entry) => entry.path)).toContain('/submissions');

    savePage({ actor: editor, id, baseVersion: 2, input: { title: 'New guidelines', slug: 'submissions', seoDescription: 'How to pitch.', body: paragraphDoc('Unfinished.') } });
    expect(getPublishedPage('submissions')).toMatchObject({ title: 'Submission guidelines', html: '<p>Send us a pitch of 300 words.</p>' });
    expect(listPages().find((page) => page.id === id)).toMatchObject({ status: 'published', hasUnpublishedChanges: true });

    expect(unpublishPage({ actor: editor, id })).toMatchObject({ ok: true });
    expect(row(id)).toMatchObject({ status: 'draft', publishedBody: null, publishedTitle: null, title: 'New guidelines' });
    expect(getPublishedPage('submissions')).toBeNull();
  });

  it('deletes a page, and is for editors and admins, never authors', async () => {
    const { editor, id } = await newPage({ title: 'Masthead' });
    const author = await createTestStaff({ role: 'author' });
    expect(() => createPage({ actor: author, input: { title: 'Mine' } })).toThrow(ForbiddenError);
    expect(() => publishPage({ actor: author, id, version: 1 })).toThrow(ForbiddenError);
    expect(() => deletePage({ actor: author, id })).toThrow(ForbiddenError);
    expect(deletePage({ actor: editor, id })).toEqual({ ok: true, title: 'Masthead' });
    expect(getDb().select().from(pages).all()).toEqual([]);
  });
});

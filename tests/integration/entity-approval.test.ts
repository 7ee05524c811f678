import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { entities } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { approveEntity } from '@/lib/entities/approve-entity';
import { createEntity } from '@/lib/entities/create-entity';
import { newsArticleJsonLd } from '@/lib/entities/entity-json-ld';
import { getEntityPage } from '@/lib/entities/get-entity-page';
import { listEntities } from '@/lib/entities/list-entities';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { relatedEntities } from '@/lib/entities/related-entities';
import { searchEntitiesForPicker } from '@/lib/entities/search-entities-for-picker';
import { getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';
import { followableEntities } from '@/lib/readers/followable-entities';
import { searchArticles } from '@/lib/site/search/search-articles';
import { mostCoveredEntities } from '@/lib/site/most-covered-entities';
import { createTestArticle } from '../factories/article';
import { createTestEntity, docWithMentions, setArticleText } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const SITE = 'https://magazine.example';

/** An entity as an author adds it from the desk: waiting for an editor. */
async function authorsEntity({ kind = 'person' as const, name }: { kind?: 'person' | 'organization' | 'treaty' | 'country' | 'topic'; name: string }) {
  const author = await createTestStaff({ role: 'author' });
  const result = createEntity({ actor: author, input: { kind, name, slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), facts: {} } });
  if (!result.ok) throw new Error(result.error);
  return { id: result.id, slug: result.slug, kind, name };
}

function statusOf(id: number): string | undefined {
  return getDb().select({ status: entities.status }).from(entities).where(eq(entities.id, id)).get()?.status;
}

describe('who makes an entity decides whether readers see it at once', () => {
  it('keeps an author’s new entity waiting for approval', async () => {
    const entity = await authorsEntity({ name: 'Jane Pending' });
    expect(statusOf(entity.id)).toBe('pending');
  });

  it('approves an editor’s new entity at once', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const result = createEntity({ actor: editor, input: { kind: 'person', name: 'Edith Editor', slug: 'edith-editor', facts: {} } });
    if (!result.ok) throw new Error(result.error);
    expect(statusOf(result.id)).toBe('approved');
  });
});

describe('a pending entity stays off the reader site', () => {
  it('answers its page and its feed as missing until an editor approves it', async () => {
    const entity = await authorsEntity({ name: 'Jane Pending' });
    createTestArticle({ title: 'About Jane', entityIds: [entity.id] });
    expect(getEntityPage({ kind: 'person', slug: entity.slug, page: 1 }).status).toBe('missing');
    expect(getEntityFeed({ kind: 'person', slug: entity.slug, siteUrl: SITE }).status).toBe('missing');

    const editor = await createTestStaff({ role: 'editor' });
    approveEntity({ actor: editor, id: entity.id });
    expect(getEntityPage({ kind: 'person', slug: entity.slug, page: 1 }).status).toBe('found');
    expect(getEntityFeed({ kind: 'person', slug: entity.slug, siteUrl: SITE }).status).toBe('found');
  });

  it('shows a published article’s tag for it as plain text and leaves it out of the JSON-LD', async () => {
    const pending = await authorsEntity({ kind: 'treaty', name: 'Draft Accord' });
    const approved = createTestEntity({ kind: 'treaty', name: 'Mine Ban Treaty' });
    const article = createTestArticle({ title: 'Two treaties', entityIds: [pending.id, approved.id] });

    const published = getPublishedArticle(article.slug)!;
    expect(published.entities.map((entity) => [entity.name, entity.isApproved])).toEqual([
      ['Draft Accord', false],
      ['Mine Ban Treaty', true],
    ]);
    const jsonLd = JSON.stringify(newsArticleJsonLd({ article: published, siteUrl: SITE, siteName: 'Masthead' }));
    expect(jsonLd).toContain('Mine Ban Treaty');
    expect(jsonLd).not.toContain('Draft Accord');
    expect(jsonLd).not.toContain('/treaties/draft-accord');
  });

  it('does not link a mention of it in the article text', async () => {
    const pending = await authorsEntity({ name: 'Jane Pending' });
    const approved = createTestEntity({ kind: 'person', name: 'Ada Approved' });
    const article = createTestArticle({ title: 'Mentions', entityIds: [pending.id, approved.id] });
    setArticleText({
      articleId: article.id,
      body: docWithMentions([
        { entityId: pending.id, kind: 'person', label: 'Jane Pending' },
        ' met ',
        { entityId: approved.id, kind: 'person', label: 'Ada Approved' },
      ]),
    });

    const { html } = getPublishedArticle(article.slug)!;
    expect(html).toContain('Jane Pending');
    expect(html).not.toContain('/people/jane-pending');
    expect(html).toContain('/people/ada-approved');
  });

  it('is left out of the sitemap, the search facets and filters, the home page’s most covered and related entities', async () => {
    const pending = await authorsEntity({ kind: 'topic', name: 'Pending Topic' });
    const approved = createTestEntity({ kind: 'topic', name: 'Landmines' });
    createTestArticle({ title: 'Landmine clearance', text: 'Clearance continues.', entityIds: [pending.id, approved.id] });

    const paths = listSitemapEntries().map((entry) => entry.path);
    expect(paths).toContain('/topics/landmines');
    expect(paths).not.toContain('/topics/pending-topic');

    const searched = searchArticles({ q: 'clearance' });
    if (searched.status !== 'searched') throw new Error(searched.status);
    expect(searched.facets.entities.map((facet) => facet.label)).toEqual(['Landmines (topic)']);
    const filtered = searchArticles({ q: 'clearance', filters: { entity: { kind: 'topic', slug: 'pending-topic' } } });
    if (filtered.status !== 'searched') throw new Error(filtered.status);
    expect(filtered.activeFilters.map((filter) => filter.label)).toEqual([]);

    expect(mostCoveredEntities().map((entity) => entity.name)).toEqual(['Landmines']);
    expect(relatedEntities({ entityId: approved.id }).map((entity) => entity.name)).toEqual([]);
  });

  it('cannot be followed from the subscribe form', async () => {
    const pending = await authorsEntity({ name: 'Jane Pending' });
    const approved = createTestEntity({ kind: 'person', name: 'Ada Approved' });
    expect(followableEntities([pending.id, approved.id]).map((entity) => entity.name)).toEqual(['Ada Approved']);
  });
});

describe('the desk', () => {
  it('lists pending entities as waiting for approval and can show only those', async () => {
    const pending = await authorsEntity({ name: 'Jane Pending' });
    createTestEntity({ kind: 'person', name: 'Ada Approved' });
    expect(listEntities().rows.map((row) => [row.name, row.isPending])).toEqual([
      ['Ada Approved', false],
      ['Jane Pending', true],
    ]);
    expect(listEntities({ status: 'pending' }).rows.map((row) => row.id)).toEqual([pending.id]);
  });

  it('still offers a pending entity for tagging in the editor', async () => {
    const pending = await authorsEntity({ name: 'Jane Pending' });
    expect(searchEntitiesForPicker({ query: 'Jane' }).map((entity) => entity.id)).toContain(pending.id);
  });
});

describe('approving an entity', () => {
  it('is refused to an author, who is told only an editor can approve it', async () => {
    const entity = await authorsEntity({ name: 'Jane Pending' });
    const author = await createTestStaff({ role: 'author' });
    expect(() => approveEntity({ actor: author, id: entity.id })).toThrow('Only an editor can approve a new entity.');
    expect(statusOf(entity.id)).toBe('pending');
  });

  it('is done by an editor, and the published articles tagged with it are named for their pages to refresh', async () => {
    const entity = await authorsEntity({ name: 'Jane Pending' });
    const article = createTestArticle({ title: 'About Jane', entityIds: [entity.id] });
    const editor = await createTestStaff({ role: 'editor' });
    const result = approveEntity({ actor: editor, id: entity.id });
    expect(result).toEqual({ ok: true, name: 'Jane Pending', articleIds: [article.id] });
    expect(statusOf(entity.id)).toBe('approved');
    expect(getPublishedArticle(article.slug)!.entities.map((tag) => tag.isApproved)).toEqual([true]);
  });
});

describe('merging', () => {
  it('makes a pending target public when a public entity is merged into it, so the old page redirects to a live one', async () => {
    const pending = await authorsEntity({ name: 'Jane Pending' });
    const approved = createTestEntity({ kind: 'person', name: 'J. Pending' });
    const editor = await createTestStaff({ role: 'editor' });
    const merged = mergeEntities({ actor: editor, sourceId: approved.id, targetId: pending.id });
    expect(merged.ok).toBe(true);
    expect(statusOf(pending.id)).toBe('approved');
    expect(getEntityPage({ kind: 'person', slug: 'j-pending', page: 1 })).toEqual({ status: 'moved', to: { kind: 'person', slug: 'jane-pending' } });
  });

  it('keeps the target waiting when a pending entity is folded into another pending one', async () => {
    const first = await authorsEntity({ name: 'Jane Pending' });
    const second = await authorsEntity({ name: 'Janet Pending' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(mergeEntities({ actor: editor, sourceId: second.id, targetId: first.id }).ok).toBe(true);
    expect(statusOf(first.id)).toBe('pending');
  });
});

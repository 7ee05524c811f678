import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { answerContentRequest } from '@/lib/api/content/answer-content-request';
import { createIntegration } from '@/lib/api/integrations/integrations';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import { isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { issueMail } from '@/lib/readers/mail/issue-mail';
import { issueMailContent } from '@/lib/readers/mail/issue-mail-content';
import { getSiteFeed } from '@/lib/site/feeds/get-site-feed';
import { searchArticles } from '@/lib/site/search/search-articles';
import { createTestArticle, createTestIssue } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const OPEN = 'Verification regimes need satellites';
const SECRET = 'Zanzibarite inspectors reported quietly';
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const gatedBody: JSONContent = { type: 'doc', content: [paragraph(`${OPEN}.`), { type: 'membersStart' }, paragraph(`${SECRET}.`), paragraph('More for members.')] };

function gatedArticle(issueId: number | null = null) {
  return createTestArticle({ title: 'Inside the inspections', body: gatedBody, access: 'members', issueId });
}

describe('a gated article on every public surface', () => {
  it('keeps the whole body for readers with access, and a public part and excerpt without the members’ part', () => {
    const article = gatedArticle();
    const published = getPublishedArticle(article.slug)!;
    expect(published.html).toContain(SECRET);
    expect(published.publicHtml).toContain(OPEN);
    expect(published.publicHtml).not.toContain(SECRET);
    expect(published.excerpt).not.toContain('Zanzibarite');
    expect(published.accessRule.access).toBe('members');
    expect(isGatedArticleSlug({ slug: article.slug })).toBe(true);
  });

  it('quotes only the public part in lists and feeds', () => {
    gatedArticle();
    const latest = listPublishedArticles({ limit: 5 });
    expect(JSON.stringify(latest)).not.toContain('Zanzibarite');
    for (const format of ['rss', 'atom'] as const) {
      const xml = getSiteFeed({ siteUrl: 'https://magazine.example', format });
      expect(xml).toContain('Inside the inspections');
      expect(xml).not.toContain('Zanzibarite');
    }
  });

  it('finds a gated article by its public part, marked members only, and never by the members’ part', () => {
    const article = gatedArticle();
    const byOpen = searchArticles({ q: 'satellites' });
    expect(byOpen.status).toBe('searched');
    if (byOpen.status !== 'searched') return;
    expect(byOpen.results.map((result) => ({ id: result.id, isMembersOnly: result.isMembersOnly }))).toEqual([{ id: article.id, isMembersOnly: true }]);
    const bySecret = searchArticles({ q: 'Zanzibarite' });
    expect(bySecret.status === 'searched' ? bySecret.results : []).toEqual([]);
  });

  it('answers the Content API with the public part only, as a members post', async () => {
    gatedArticle();
    const created = createIntegration({ name: 'Partner', actorId: null });
    if (!created.ok) throw new Error(created.error);
    const response = answerContentRequest({ request: new Request(`http://localhost/ghost/api/content/posts/?key=${created.integration.contentKey}&formats=html,plaintext`), path: ['posts'] });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain(OPEN);
    expect(text).not.toContain('Zanzibarite');
    const post = (JSON.parse(text) as { posts: { visibility: string; access: boolean }[] }).posts[0]!;
    expect(post).toMatchObject({ visibility: 'members', access: false });
    expect(response.headers.get('cache-control')).toContain('public');
  });

  it('answers a members key with the whole body, privately, and never a public key', async () => {
    gatedArticle();
    const members = createIntegration({ name: 'Members app', readsMembersContent: true, actorId: null });
    if (!members.ok) throw new Error(members.error);
    expect(members.integration.readsMembersContent).toBe(true);
    const response = answerContentRequest({ request: new Request(`http://localhost/ghost/api/content/posts/?key=${members.integration.contentKey}&formats=html,plaintext`), path: ['posts'] });
    const text = await response.text();
    expect(text).toContain(SECRET);
    const post = (JSON.parse(text) as { posts: { visibility: string; access: boolean; html: string }[] }).posts[0]!;
    expect(post).toMatchObject({ visibility: 'members', access: true });
    // A shared cache must not keep what only this key may read.
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const plain = createIntegration({ name: 'Public site', actorId: null });
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.integration.readsMembersContent).toBe(false);
  });

  it('filters posts by visibility as Ghost themes ask for them', async () => {
    const gated = gatedArticle();
    const open = createTestArticle({ title: 'An open piece' });
    const created = createIntegration({ name: 'Theme', actorId: null });
    if (!created.ok) throw new Error(created.error);
    const slugsFor = async (filter: string) => {
      const response = answerContentRequest({ request: new Request(`http://localhost/ghost/api/content/posts/?key=${created.integration.contentKey}&filter=${encodeURIComponent(filter)}`), path: ['posts'] });
      return ((await response.json()) as { posts: { slug: string }[] }).posts.map((post) => post.slug);
    };
    expect(await slugsFor('visibility:public')).toEqual([open.slug]);
    expect(await slugsFor('visibility:members')).toEqual([gated.slug]);
  });

  it('lists a gated article in the issue email by title, dek and link only', () => {
    const issue = createTestIssue();
    gatedArticle(issue.id);
    const content = issueMailContent({ issueId: issue.id, mode: 'published' });
    expect(JSON.stringify(content)).toContain('Inside the inspections');
    expect(JSON.stringify(content)).not.toContain('Zanzibarite');
  });

  it('marks members-only articles in the issue email, and only those', () => {
    const issue = createTestIssue();
    gatedArticle(issue.id);
    createTestArticle({ title: 'An open report', issueId: issue.id });
    createTestArticle({ title: 'For signed-in readers', issueId: issue.id, access: 'registered' });
    const mail = issueMail({ content: issueMailContent({ issueId: issue.id, mode: 'published' })!, footer: { reason: 'You subscribed.', unsubscribeUrl: 'https://example.org/u', accountUrl: 'https://example.org/a' } });
    const entryOf = (title: string) => mail.text.split('\n\n').find((entry) => entry.startsWith(`* ${title}`)) ?? '';
    expect(entryOf('Inside the inspections')).toContain('Members only');
    expect(entryOf('For signed-in readers')).toContain('Free with a reader account');
    expect(entryOf('An open report')).not.toMatch(/Members only|reader account/);
    expect(mail.html).toMatch(/Inside the inspections<\/a>[^]*?Members only/);
    expect(mail.html.match(/Members only/g)).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAnonymousTeaserRequest } from '@/lib/access/anonymous-teaser';
import { createTestInstitution } from '../factories/access';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const gatedBody = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'For everyone.' }] }, { type: 'membersStart' }, { type: 'paragraph', content: [{ type: 'text', text: 'For members.' }] }],
};

const asked = (slug: string, headers: Record<string, string> = {}) => isAnonymousTeaserRequest({ slug, headers: new Headers(headers) });

describe('which readers of a gated article share one kept page of its public part', () => {
  it('a reader with no cookie and no address the gate knows: yes, for members-only and sign-in-only articles', () => {
    const members = createTestArticle({ body: gatedBody, access: 'members' });
    const registered = createTestArticle({ body: gatedBody, access: 'registered' });
    expect(asked(members.slug)).toBe(true);
    expect(asked(registered.slug)).toBe(true);
    expect(asked(members.slug, { 'x-forwarded-for': '198.51.100.20' })).toBe(true);
  });

  it('anyone who brings a cookie or credentials: no, whatever the cookie is', () => {
    const article = createTestArticle({ body: gatedBody, access: 'members' });
    expect(asked(article.slug, { cookie: 'masthead-reader.session-token=abc' })).toBe(false);
    expect(asked(article.slug, { cookie: 'anything=else' })).toBe(false);
    expect(asked(article.slug, { authorization: 'Bearer x' })).toBe(false);
  });

  it('a reader whose address an institution covers: no, they may read it whole; its twin outside the range: yes', () => {
    vi.stubEnv('TRUSTED_PROXIES', '127.0.0.1');
    createTestInstitution({ ranges: ['198.51.100.0/24'] });
    const article = createTestArticle({ body: gatedBody, access: 'members' });
    expect(asked(article.slug, { 'x-forwarded-for': '198.51.100.20' })).toBe(false);
    expect(asked(article.slug, { 'x-forwarded-for': '203.0.113.9' })).toBe(true);
  });

  it('an article open to everyone, or not published: no, it is not gated (open ones are kept the ordinary way)', () => {
    const open = createTestArticle({ body: gatedBody, access: 'public' });
    const draft = createTestArticle({ body: gatedBody, access: 'members', status: 'draft' });
    expect(asked(open.slug)).toBe(false);
    expect(asked(draft.slug)).toBe(false);
    expect(asked('no-such-article')).toBe(false);
  });
});

import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { blockingFor, checkArticle, internalPathOf, type PreflightInput, type PreflightLookups } from '@/lib/articles/preflight-checks';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const paragraph = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text, ...(marks ? { marks } : {}) }] : [] });

const ready: PreflightInput = {
  title: 'A title',
  dek: 'A dek.',
  slug: 'a-title',
  body: { type: 'doc', content: [paragraph(words(200))] },
  wordCount: 200,
  authorCount: 1,
  hasSection: true,
  entityTagCount: 1,
  seoTitle: '',
  seoDescription: 'A description.',
  hasFeaturedImage: true,
  openNotes: [],
};
const lookups: PreflightLookups = { isSlugTaken: () => false, internalLink: () => 'ok' };
const codes = (report: ReturnType<typeof checkArticle>) => ({ blocking: report.blocking.map((problem) => problem.code), warnings: report.warnings.map((problem) => problem.code) });

describe('the publish checklist', () => {
  it('passes a complete article', () => {
    expect(codes(checkArticle(ready, lookups))).toEqual({ blocking: [], warnings: [] });
  });

  it('blocks approval and publication, but not submitting, while an editorial note is open', () => {
    const report = checkArticle({ ...ready, openNotes: [{ id: 7, excerpt: 'Which inspections?', authorName: 'Edith Editor' }, { id: 9, excerpt: 'Source?', authorName: null }] }, lookups);
    expect(report.blocking.map((problem) => [problem.code, problem.noteId, problem.message])).toEqual([
      ['open-note', 7, 'Resolve the open note by Edith Editor: “Which inspections?”'],
      ['open-note', 9, 'Resolve the open note: “Source?”'],
    ]);
    expect(blockingFor({ report, action: 'submit' })).toEqual([]);
    expect(blockingFor({ report, action: 'approve' })).toHaveLength(2);
    expect(blockingFor({ report, action: 'publish' })).toHaveLength(2);
  });

  it('blocks on each missing essential', () => {
    const report = checkArticle({ ...ready, title: ' ', dek: '', authorCount: 0, hasSection: false, entityTagCount: 0 }, lookups);
    expect(codes(report).blocking).toEqual(['title', 'dek', 'authors', 'section', 'tags']);
  });

  it('blocks on a slug another article uses or that is malformed', () => {
    expect(codes(checkArticle(ready, { ...lookups, isSlugTaken: (slug) => slug === 'a-title' })).blocking).toEqual(['slug']);
    expect(codes(checkArticle({ ...ready, slug: 'Bad Slug' }, lookups)).blocking).toEqual(['slug']);
  });

  it('blocks on images without alt text and links to nothing; warns on links to unpublished articles', () => {
    const body: JSONContent = {
      type: 'doc',
      content: [
        paragraph(words(200)),
        { type: 'figure', attrs: { src: '/api/media/1/960.webp', alt: '' } },
        { type: 'figure', attrs: { src: '/api/media/2/960.webp', alt: 'A missile on parade' } },
        paragraph('see', [{ type: 'link', attrs: { href: '/articles/gone#part' } }]),
        paragraph('and', [{ type: 'link', attrs: { href: '/articles/draft-piece' } }]),
        paragraph('outside', [{ type: 'link', attrs: { href: 'https://example.org/articles/x' } }]),
      ],
    };
    const report = checkArticle({ ...ready, body }, { ...lookups, internalLink: (path) => (path === '/articles/gone' ? 'missing' : path === '/articles/draft-piece' ? 'unpublished' : 'ok') });
    expect(codes(report)).toEqual({ blocking: ['image-alt', 'internal-link'], warnings: ['internal-link-unpublished'] });
    expect(report.blocking[1]!.message).toContain('/articles/gone');
  });

  it('blocks on empty paragraphs at the end and on an SEO description that search engines would cut', () => {
    const body: JSONContent = { type: 'doc', content: [paragraph(words(200)), paragraph(''), paragraph('  ')] };
    const report = checkArticle({ ...ready, body, seoDescription: 'x'.repeat(161) }, lookups);
    expect(codes(report).blocking).toEqual(['empty-trailing-blocks', 'seo-description']);
    expect(report.blocking[0]!.message).toContain('2 empty paragraphs');
  });

  it('warns, without blocking, about what is merely worth a look', () => {
    const report = checkArticle({ ...ready, seoDescription: '', seoTitle: 'x'.repeat(70), hasFeaturedImage: false, wordCount: 90 }, lookups);
    expect(codes(report)).toEqual({ blocking: [], warnings: ['seo-description-missing', 'seo-title', 'featured-image', 'short'] });
  });
});

describe('internal link paths', () => {
  it('keeps site paths without query or fragment, and ignores everything else', () => {
    expect(internalPathOf('/articles/new-start?x=1#top')).toBe('/articles/new-start');
    expect(internalPathOf('/issues/2025-04/')).toBe('/issues/2025-04');
    expect(internalPathOf('https://example.org/a')).toBeNull();
    expect(internalPathOf('//evil.example/a')).toBeNull();
    expect(internalPathOf('mailto:desk@example.org')).toBeNull();
  });
});

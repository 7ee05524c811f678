import { describe, expect, it } from 'vitest';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const mention = (entityId: number, label: string, kind = 'country') => ({ type: 'entityMention', attrs: { entityId, kind, label } });
const doc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [mention(7, 'Russia'), { type: 'text', text: ' and ' }, mention(9, 'NATO', 'organization'), { type: 'text', text: ' met.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Later, ' }, mention(7, "Russia's"), { type: 'text', text: ' envoy <left>.' }] },
  ],
};

describe('entity mentions', () => {
  it('validate with an entity id, a kind and the text as written', () => {
    expect(validateArticleDoc(doc).ok).toBe(true);
    const bad = validateArticleDoc({ type: 'doc', content: [{ type: 'paragraph', content: [mention(0, '', 'planet')] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((problem) => problem.message)).toEqual([
      'A tagged mention must name the entity it refers to.',
      "A tagged mention's kind must be one of country, treaty, person, organization, topic.",
      'A tagged mention must show its text (1 to 200 characters).',
    ]);
  });

  it('count as the words they show', () => {
    const derived = deriveArticleText(doc);
    expect(derived.text).toBe("Russia and NATO met.\n\nLater, Russia's envoy <left>.");
    expect(derived.wordCount).toBe(8);
  });

  it('link only the first mention of each entity to its page, and escape everything', () => {
    const html = renderArticleHtml(doc, { entityHrefs: new Map([[7, '/countries/russia'], [9, '/organizations/nato']]) });
    expect(html).toContain('<a class="entity-mention" href="/countries/russia">Russia</a>');
    expect(html).toContain('<a class="entity-mention" href="/organizations/nato">NATO</a>');
    expect(html).toContain('<span class="entity-mention">Russia\'s</span>');
    expect(html.match(/href="\/countries\/russia"/g)).toHaveLength(1);
    expect(html).toContain('&lt;left&gt;');
  });

  it('render as plain text marks without links when no pages are given', () => {
    expect(renderArticleHtml(doc)).not.toContain('<a ');
  });
});

import { describe, expect, it } from 'vitest';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('validateArticleDoc', () => {
  it('accepts the nodes and marks the editor makes', () => {
    const result = validateArticleDoc(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] },
        paragraph('Bold', [{ type: 'bold' }]),
        paragraph('See the agency', [{ type: 'link', attrs: { href: 'https://www.iaea.org', target: '_blank' } }]),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('One')] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph('Three')] }] },
        { type: 'blockquote', content: [paragraph('Quoted')] },
        { type: 'horizontalRule' },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses an unknown node and names where it is', () => {
    const result = validateArticleDoc(doc(paragraph('fine'), { type: 'script', content: [] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: 'doc.content[1]', message: '"script" is not something an article can contain.' });
  });

  it('refuses an unknown mark', () => {
    const result = validateArticleDoc(doc(paragraph('x', [{ type: 'fontColor', attrs: { color: 'red' } }])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('"fontColor" formatting is not allowed');
  });

  it('refuses a javascript: link', () => {
    const result = validateArticleDoc(doc(paragraph('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('doc.content[0].content[0].marks[0]');
  });

  it('refuses an attribute the schema does not define', () => {
    const result = validateArticleDoc(doc({ type: 'paragraph', attrs: { onclick: 'steal()' }, content: [] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('paragraph has no attribute "onclick"');
  });

  it('refuses heading levels outside 2–4', () => {
    const result = validateArticleDoc(doc({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] }));
    expect(result.ok).toBe(false);
  });

  it('refuses a structure the schema does not allow', () => {
    const result = validateArticleDoc(doc({ type: 'text', text: 'loose text at the top' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('structure is not allowed');
  });

  it('refuses something that is not a document', () => {
    expect(validateArticleDoc('<p>html</p>').ok).toBe(false);
    expect(validateArticleDoc(null).ok).toBe(false);
    expect(validateArticleDoc({ type: 'paragraph' }).ok).toBe(false);
  });

  it('refuses a document over the size limit, saying the size', () => {
    const result = validateArticleDoc(doc(paragraph('x'.repeat(2000))), { maxBytes: 1024 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/over the 0\.0 MB limit|limit/);
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    let node: Record<string, unknown> = paragraph('deep');
    for (let level = 0; level < 200; level++) node = { type: 'blockquote', content: [node] };
    const result = validateArticleDoc(doc(node));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('nested more than');
  });
});

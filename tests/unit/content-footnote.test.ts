import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const footnote = (note: unknown, marks?: JSONContent['marks']): JSONContent => ({ type: 'footnote', attrs: { note }, ...(marks ? { marks } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const reference = (number: number) =>
  `<sup class="footnote-ref" id="fnref-${number}"><a href="#fn-${number}" aria-describedby="footnotes-label">${number}</a></sup>`;
const noteItem = (number: number, html: string) =>
  `<li id="fn-${number}">${html} <a href="#fnref-${number}" aria-label="Back to reference ${number}">↩</a></li>`;
const notesSection = (...items: string[]) =>
  `<section class="footnotes" aria-labelledby="footnotes-label"><h2 id="footnotes-label">Notes</h2><ol>${items.join('')}</ol></section>`;

describe('footnote validation', () => {
  it('accepts a footnote with a note', () => {
    expect(validateArticleDoc(doc(paragraph(text('Ships left.'), footnote('UN Joint Coordination Centre, 1 August 2022.')))).ok).toBe(true);
  });

  it('refuses a note that is not text', () => {
    const result = validateArticleDoc(doc(paragraph(text('Ships left.'), footnote(42))));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({ path: 'doc.content[0].content[1]', message: 'A footnote must hold the text of its note.' });
    }
  });

  it('refuses an empty note and one over 2000 characters', () => {
    expect(validateArticleDoc(doc(paragraph(footnote('   ')))).ok).toBe(false);
    expect(validateArticleDoc(doc(paragraph(footnote('n'.repeat(2000))))).ok).toBe(true);
    const result = validateArticleDoc(doc(paragraph(footnote('n'.repeat(2001)))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('A footnote is 2001 characters; keep it to 2000.');
  });

  it('refuses a footnote with content of its own', () => {
    const result = validateArticleDoc(doc(paragraph({ type: 'footnote', attrs: { note: 'x' }, content: [text('inner')] })));
    expect(result.ok).toBe(false);
  });

  it('refuses a footnote outside a paragraph', () => {
    expect(validateArticleDoc(doc(footnote('loose'))).ok).toBe(false);
  });
});

describe('footnote rendering', () => {
  it('numbers two footnotes in order and lists their notes at the end', () => {
    const html = renderArticleHtml(
      doc(paragraph(text('Ships left'), footnote('First note.'), text(' Odesa.')), paragraph(text('Insurers balked.'), footnote('Second note.'))),
    );
    expect(html).toBe(
      `<p>Ships left${reference(1)} Odesa.</p><p>Insurers balked.${reference(2)}</p>` +
        notesSection(noteItem(1, 'First note.'), noteItem(2, 'Second note.')),
    );
  });

  it('numbers footnotes in document order across lists, tables and pull quotes', () => {
    const html = renderArticleHtml(
      doc(
        { type: 'pullQuote', attrs: { attribution: '' }, content: [text('Quote'), footnote('A')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Item'), footnote('B'))] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text('Cell'), footnote('C'))] }] }] },
      ),
    );
    expect(html.match(/id="fnref-\d"/g)).toEqual(['id="fnref-1"', 'id="fnref-2"', 'id="fnref-3"']);
    expect(html).toContain(notesSection(noteItem(1, 'A'), noteItem(2, 'B'), noteItem(3, 'C')));
  });

  it('escapes the note text', () => {
    const html = renderArticleHtml(doc(paragraph(text('x'), footnote('<script>alert(1)</script> & <a href="javascript:x">'))));
    expect(html).toContain(noteItem(1, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;a href="javascript:x"&gt;'));
    expect(html).not.toContain('<script>');
  });

  it('never puts a footnote marker inside a link or other formatting', () => {
    const html = renderArticleHtml(
      doc(paragraph(text('the report', [{ type: 'link', attrs: { href: '/articles/report' } }]), footnote('Note.', [{ type: 'link', attrs: { href: '/articles/report' } }, { type: 'bold' }]))),
    );
    expect(html).toBe(
      `<p><a rel="noopener noreferrer" href="/articles/report">the report</a>${reference(1)}</p>${notesSection(noteItem(1, 'Note.'))}`,
    );
  });

  it('adds no notes section when there are no footnotes', () => {
    expect(renderArticleHtml(doc(paragraph(text('Plain.'))))).toBe('<p>Plain.</p>');
  });
});

describe('footnotes in plain text', () => {
  it('puts each note after the body, in order, and leaves no marker in the text', () => {
    const plain = docToPlainText(
      doc(paragraph(text('Ships left'), footnote('UN centre.'), text(' Odesa.')), paragraph(text('Insurers balked.'), footnote('Lloyd’s list.'))),
    );
    expect(plain).toBe('Ships left Odesa.\n\nInsurers balked.\n\nUN centre.\n\nLloyd’s list.');
  });

  it('counts the words of notes but not the markers, and keeps notes out of the excerpt', () => {
    const derived = deriveArticleText(doc(paragraph(text('Ships left Odesa'), footnote('UN centre'), text('.'))));
    expect(derived.wordCount).toBe(5);
    expect(derived.excerpt).toBe('Ships left Odesa.');
  });
});

import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
const header = (value: string, attrs?: Record<string, unknown>): JSONContent => ({ type: 'tableHeader', ...(attrs ? { attrs } : {}), content: [paragraph(value)] });
const cell = (value: string, attrs?: Record<string, unknown>): JSONContent => ({ type: 'tableCell', ...(attrs ? { attrs } : {}), content: [paragraph(value)] });
const row = (...cells: JSONContent[]): JSONContent => ({ type: 'tableRow', content: cells });
const table = (...rows: JSONContent[]): JSONContent => ({ type: 'table', content: rows });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const defaultCellAttrs = { colspan: 1, rowspan: 1, colwidth: null, align: null };

describe('table validation', () => {
  it('accepts the table the editor makes, with every cell attribute', () => {
    const result = validateArticleDoc(
      doc(
        table(
          row(header('Country', defaultCellAttrs), header('Warheads', { ...defaultCellAttrs, align: 'right' })),
          row(cell('Russia', { colspan: 1, rowspan: 2, colwidth: [120], align: null }), cell('1,550', defaultCellAttrs)),
          row(cell('deployed', { colspan: 1, rowspan: 1, colwidth: [0], align: 'left' })),
          row(cell('Total', { colspan: 2, rowspan: 1, colwidth: [120, 80], align: 'center' })),
        ),
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a cell attribute the schema does not define', () => {
    const result = validateArticleDoc(doc(table(row(cell('x', { ...defaultCellAttrs, style: 'width:400px' })))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'doc.content[0].content[0].content[0]', message: 'tableCell has no attribute "style".' });
  });

  it('refuses column widths that are not one number per spanned column', () => {
    expect(validateArticleDoc(doc(table(row(cell('x', { colwidth: '100' })))))).toMatchObject({ ok: false });
    expect(validateArticleDoc(doc(table(row(cell('x', { colspan: 2, colwidth: [100] })))))).toMatchObject({ ok: false });
    const result = validateArticleDoc(doc(table(row(header('x', { colwidth: [{ toString: 'evil' }] })))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('column widths must be one whole number for each column it spans');
  });

  it('refuses spans that are not whole numbers from 1 to 1000, and unknown alignments', () => {
    expect(validateArticleDoc(doc(table(row(cell('x', { colspan: 0 })))))).toMatchObject({ ok: false });
    expect(validateArticleDoc(doc(table(row(cell('x', { rowspan: 'two' })))))).toMatchObject({ ok: false });
    expect(validateArticleDoc(doc(table(row(cell('x', { colspan: 100000 })))))).toMatchObject({ ok: false });
    expect(validateArticleDoc(doc(table(row(cell('x', { align: 'justify' })))))).toMatchObject({ ok: false });
  });

  it('refuses a row outside a table and text straight inside a row', () => {
    expect(validateArticleDoc(doc(row(cell('x')))).ok).toBe(false);
    expect(validateArticleDoc(doc(table({ type: 'tableRow', content: [paragraph('x')] }))).ok).toBe(false);
  });
});

describe('table rendering', () => {
  it('renders a plain table with a body, header and data cells, and no widths or styles', () => {
    const html = renderArticleHtml(
      doc(
        table(
          row(header('Country', { ...defaultCellAttrs, colwidth: [200] }), header('Warheads', defaultCellAttrs)),
          row(cell('Total', { colspan: 2, rowspan: 1, colwidth: [200, 100], align: null })),
        ),
      ),
    );
    expect(html).toBe(
      '<table><tbody>' +
        '<tr><th><p>Country</p></th><th><p>Warheads</p></th></tr>' +
        '<tr><td colspan="2"><p>Total</p></td></tr>' +
        '</tbody></table>',
    );
  });

  it('adds each cell as its own block of plain text', () => {
    expect(deriveArticleText(doc(table(row(header('Country'), header('Warheads')), row(cell('Russia'), cell('1,550'))))).text).toBe(
      'Country\n\nWarheads\n\nRussia\n\n1,550',
    );
  });
});

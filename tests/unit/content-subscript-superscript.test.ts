import type { JSONContent } from '@tiptap/core';
import { getExtensionField } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/content/article-schema';
import { Subscript } from '@/lib/content/marks/subscript';
import { Superscript } from '@/lib/content/marks/superscript';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const doc = (...inline: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content: inline }] });

describe('subscript and superscript marks', () => {
  it('are accepted by the validator', () => {
    const result = validateArticleDoc(doc(text('CO'), text('2', [{ type: 'subscript' }]), text(' in the 19'), text('th', [{ type: 'superscript' }])));
    expect(result.ok).toBe(true);
  });

  it('cannot both be on the same text', () => {
    const result = validateArticleDoc(doc(text('x', [{ type: 'subscript' }, { type: 'superscript' }])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('Invalid collection of marks');
  });

  it('refuse attributes', () => {
    const result = validateArticleDoc(doc(text('2', [{ type: 'superscript', attrs: { style: 'font-size:80%' } }])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('superscript has no attribute "style"');
  });

  it('exclude each other in the schema, so applying one removes the other', () => {
    const { subscript, superscript } = articleSchema().marks;
    expect(subscript!.excludes(superscript!)).toBe(true);
    expect(superscript!.excludes(subscript!)).toBe(true);
    expect(superscript!.create().addToSet([subscript!.create()]).map((mark) => mark.type.name)).toEqual(['superscript']);
  });

  it('render as <sub> and <sup>', () => {
    const html = renderArticleHtml(doc(text('H'), text('2', [{ type: 'subscript' }]), text('O, 10'), text('6', [{ type: 'superscript' }])));
    expect(html).toBe('<p>H<sub>2</sub>O, 10<sup>6</sup></p>');
  });

  it('bind Mod-, to subscript and Mod-. to superscript', () => {
    const shortcutsOf = (extension: typeof Subscript) => {
      const addKeyboardShortcuts = getExtensionField<() => Record<string, unknown>>(extension, 'addKeyboardShortcuts', {
        name: extension.name,
        options: extension.options,
        storage: extension.storage,
      });
      return Object.keys(addKeyboardShortcuts());
    };
    expect(shortcutsOf(Subscript)).toEqual(['Mod-,']);
    expect(shortcutsOf(Superscript)).toEqual(['Mod-.']);
  });
});

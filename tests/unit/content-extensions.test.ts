import { type AnyExtension, flattenExtensions, getExtensionField, type InputRule } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/content/article-schema';
import { articleExtensions } from '@/lib/content/extensions';

describe('articleExtensions', () => {
  it('gives the schema exactly the nodes and marks an article can hold', () => {
    const schema = articleSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote', 'bulletList', 'doc', 'entityMention', 'figure', 'footnote', 'hardBreak', 'heading', 'horizontalRule', 'listItem', 'membersStart',
        'orderedList', 'paragraph', 'pullQuote', 'table', 'tableCell', 'tableHeader', 'tableRow', 'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link', 'strike', 'subscript', 'superscript']);
  });

  it('builds its extensions once and hands out a fresh list each time', () => {
    const first = articleExtensions();
    const second = articleExtensions();
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    second.push(first[0]!);
    expect(articleExtensions()).toHaveLength(first.length);
  });

  it.each([
    ['heading', '## '],
    ['heading', '#### '],
    ['bulletList', '- '],
    ['orderedList', '1. '],
    ['blockquote', '> '],
    ['horizontalRule', '---'],
    ['bold', 'a **bold**'],
    ['italic', 'an *italic*'],
    ['strike', 'a ~~struck~~'],
  ])('keeps the markdown shortcut for %s (typing "%s")', (name, typed) => {
    expect(inputRulesOf(name).some((rule) => matches(rule, typed))).toBe(true);
  });

  it('has no shortcut for a level-1 heading', () => {
    expect(inputRulesOf('heading').some((rule) => matches(rule, '# '))).toBe(false);
  });
});

function inputRulesOf(name: string): InputRule[] {
  const extension = flattenExtensions(articleExtensions()).find((candidate: AnyExtension) => candidate.name === name);
  if (!extension) throw new Error(`No ${name} extension`);
  const context = { name, options: extension.options, storage: extension.storage, type: articleSchema().nodes[name] ?? articleSchema().marks[name] };
  const addInputRules = getExtensionField<() => InputRule[]>(extension, 'addInputRules', context);
  return addInputRules ? addInputRules() : [];
}

function matches(rule: InputRule, typed: string): boolean {
  return rule.find instanceof RegExp ? rule.find.test(typed) : false;
}

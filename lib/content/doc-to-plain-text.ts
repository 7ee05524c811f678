import type { JSONContent } from '@tiptap/core';

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'pullQuote',
  'listItem',
  'bulletList',
  'orderedList',
  'horizontalRule',
]);

/**
 * The words of a document, one block per paragraph, for search, counts and excerpts.
 *
 * Footnote markers add nothing to the text they sit in; each footnote's note follows the body as
 * a block of its own, in document order, so notes are searchable and counted without ever
 * reaching an excerpt. A figure contributes its caption (not its alt text or credit); a pull
 * quote contributes its text (not its attribution); table cells contribute their paragraphs.
 */
export function docToPlainText(doc: JSONContent): string {
  const collected: Collected = { blocks: [], notes: [] };
  collectBlocks(doc, collected);
  return [...collected.blocks, ...collected.notes]
    .map((block) => block.replace(/[ \t]+/g, ' ').trim())
    .filter((block) => block !== '')
    .join('\n\n');
}

type Collected = { blocks: string[]; notes: string[] };

function collectBlocks(node: JSONContent, collected: Collected): void {
  if (node.type === 'figure') {
    collected.blocks.push(stringAttr(node, 'caption'));
    return;
  }
  if (isTextBlock(node)) {
    collected.blocks.push(inlineText(node, collected.notes));
    return;
  }
  for (const child of node.content ?? []) collectBlocks(child, collected);
}

function isTextBlock(node: JSONContent): boolean {
  if (!node.type || !BLOCK_TYPES.has(node.type)) return false;
  return (node.content ?? []).every((child) => !child.type || !BLOCK_TYPES.has(child.type));
}

function inlineText(node: JSONContent, notes: string[]): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'entityMention') return stringAttr(node, 'label');
  if (node.type === 'footnote') {
    notes.push(stringAttr(node, 'note'));
    return '';
  }
  return (node.content ?? []).map((child) => inlineText(child, notes)).join('');
}

function stringAttr(node: JSONContent, name: string): string {
  const value: unknown = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

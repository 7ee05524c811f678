import type { JSONContent } from '@tiptap/core';

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'bulletList',
  'orderedList',
  'horizontalRule',
]);

/** The words of a document, one block per paragraph, for search, counts and excerpts. */
export function docToPlainText(doc: JSONContent): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks
    .map((block) => block.replace(/[ \t]+/g, ' ').trim())
    .filter((block) => block !== '')
    .join('\n\n');
}

function collectBlocks(node: JSONContent, blocks: string[]): void {
  if (isTextBlock(node)) {
    blocks.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) collectBlocks(child, blocks);
}

function isTextBlock(node: JSONContent): boolean {
  if (!node.type || !BLOCK_TYPES.has(node.type)) return false;
  return (node.content ?? []).every((child) => !child.type || !BLOCK_TYPES.has(child.type));
}

function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

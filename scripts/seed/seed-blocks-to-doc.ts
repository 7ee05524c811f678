import type { JSONContent } from '@tiptap/core';
import type { SeedBlock } from './types';

/** Turns the seed's light markup (**bold**, *italic*, [text](href)) into article JSON. */
export function seedBlocksToDoc(blocks: SeedBlock[]): JSONContent {
  return { type: 'doc', content: blocks.map(blockToNode) };
}

function blockToNode(block: SeedBlock): JSONContent {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: inline(block.text) };
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, content: inline(block.text) };
    case 'membersStart':
      return { type: 'membersStart' };
    case 'blockquote':
      return { type: 'blockquote', content: [{ type: 'paragraph', content: inline(block.text) }] };
    case 'bulletList':
    case 'orderedList':
      return {
        type: block.type,
        content: block.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inline(item) }] })),
      };
  }
}

const TOKEN = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text: string): JSONContent[] {
  const nodes: JSONContent[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) nodes.push({ type: 'text', text: text.slice(last, match.index) });
    const [, bold, italic, linkText, href] = match;
    if (bold) nodes.push({ type: 'text', text: bold, marks: [{ type: 'bold' }] });
    else if (italic) nodes.push({ type: 'text', text: italic, marks: [{ type: 'italic' }] });
    else if (linkText && href) nodes.push({ type: 'text', text: linkText, marks: [{ type: 'link', attrs: { href } }] });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
}

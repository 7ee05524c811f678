import type { JSONContent } from '@tiptap/core';
import { stableJsonKey } from './stable-json-key';
import { splitWords } from './text/split-words';

/** One word, one run of white space, or one inline node (a mention, a footnote, a line break), with its marks. */
export type InlineToken = { key: string; node: JSONContent };

/** Cuts a text block's inline content into words that each keep the marks (bold, links) they carry. */
export function toInlineTokens(content: JSONContent[] | undefined): InlineToken[] {
  return (content ?? []).flatMap((node) => {
    if (node.type !== 'text') return [token(node)];
    return splitWords(node.text ?? '').map((word) => token(node.marks?.length ? { type: 'text', text: word, marks: node.marks } : { type: 'text', text: word }));
  });
}

/** Puts tokens back together as inline content: neighbouring words with the same marks become one text node. */
export function fromInlineTokens(tokens: InlineToken[]): JSONContent[] {
  const content: JSONContent[] = [];
  for (const { node } of tokens) {
    const last = content.at(-1);
    if (node.type === 'text' && last?.type === 'text' && stableJsonKey(last.marks ?? []) === stableJsonKey(node.marks ?? [])) {
      content[content.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    } else {
      content.push(node);
    }
  }
  return content;
}

/** The words a reader sees for some tokens: mentions by their label, footnotes as a bracketed marker. */
export function inlineTokensText(tokens: InlineToken[]): string {
  return tokens.map(({ node }) => inlineNodeText(node)).join('');
}

function inlineNodeText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const label: unknown = node.attrs?.label;
  if (node.type === 'entityMention' && typeof label === 'string') return label;
  if (node.type === 'footnote') return '[note]';
  return '';
}

function token(node: JSONContent): InlineToken {
  return { key: stableJsonKey(node), node };
}

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** Text as notes quote it, with the document position of each character. */
export type PassageText = { text: string; positions: number[] };

/**
 * The words between two positions: text as written, tagged mentions as their label, a line break
 * between blocks and for hard breaks, nothing for footnote markers and images. The same rule is
 * used to record a passage and to look for it again, so the two always agree.
 */
export function passageText(doc: ProseMirrorNode, { from = 0, to = doc.content.size }: { from?: number; to?: number } = {}): PassageText {
  let text = '';
  const positions: number[] = [];
  let hasBlock = false;
  const append = (characters: string, position: (index: number) => number) => {
    for (let index = 0; index < characters.length; index++) {
      text += characters[index];
      positions.push(position(index));
    }
  };
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      if (hasBlock) append('\n', () => pos);
      hasBlock = true;
      return true;
    }
    if (node.isText) {
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      append(node.text!.slice(start - pos, end - pos), (index) => start + index);
      return false;
    }
    if (node.isInline) {
      append(leafText(node), () => pos);
      return false;
    }
    return true;
  });
  return { text, positions };
}

function leafText(node: ProseMirrorNode): string {
  if (node.type.name === 'entityMention') return String(node.attrs.label ?? '');
  if (node.type.name === 'hardBreak') return '\n';
  return '';
}

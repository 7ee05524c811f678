import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

type Segment = { start: number; end: number; pos: number };

/** The document's words as one string (blocks apart by blank lines), with a way back to editor positions. */
export type PositionedText = { text: string; segments: Segment[] };

export function positionedText(doc: ProseMirrorNode): PositionedText {
  let text = '';
  const segments: Segment[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (text !== '') text += '\n\n';
    node.forEach((child, offset) => {
      if (child.isText) {
        segments.push({ start: text.length, end: text.length + child.text!.length, pos: pos + 1 + offset });
        text += child.text;
      } else if (child.type.name === 'entityMention') {
        // Already tagged: its words are in the text for context, but cannot be tagged again.
        text += String(child.attrs.label ?? '');
      } else {
        text += ' ';
      }
    });
    return false;
  });
  return { text, segments };
}

/** The editor range for a stretch of the string, or null when it is not plain, untagged text. */
export function rangeOf({ positioned, start, end }: { positioned: PositionedText; start: number; end: number }): { from: number; to: number } | null {
  const first = positioned.segments.find((segment) => start >= segment.start && start < segment.end);
  const last = positioned.segments.find((segment) => end > segment.start && end <= segment.end);
  if (!first || !last) return null;
  for (let index = positioned.segments.indexOf(first); index < positioned.segments.indexOf(last); index++) {
    if (positioned.segments[index]!.end !== positioned.segments[index + 1]!.start) return null;
  }
  return { from: first.pos + (start - first.start), to: last.pos + (end - last.start) };
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of any of the given forms, in order, without overlaps. */
export function findOccurrences({ text, forms }: { text: string; forms: string[] }): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) {
    if (form === '') continue;
    for (let index = text.indexOf(form); index !== -1; index = text.indexOf(form, index + 1)) {
      const before = text[index - 1] ?? ' ';
      const after = text[index + form.length] ?? ' ';
      if (WORD_CHARACTER.test(before) || WORD_CHARACTER.test(after)) continue;
      const end = index + form.length;
      if (found.some((other) => index < other.end && end > other.start)) continue;
      found.push({ start: index, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { passageText } from './passage-text';

export type AnchorRange = { from: number; to: number };

/** A passage as stored with its thread: the quoted text, and where it was when the note was written. */
export type StoredAnchor = { text: string; from: number | null; to: number | null };

/**
 * Where a thread's passage is now: at its recorded position when the text there still matches,
 * otherwise the occurrence of the same text nearest that position; null when it is gone.
 */
export function findAnchor(doc: ProseMirrorNode, anchor: StoredAnchor): AnchorRange | null {
  if (anchor.text === '') return null;
  if (anchor.from !== null && anchor.to !== null && isPassageAt(doc, { from: anchor.from, to: anchor.to, text: anchor.text })) {
    return { from: anchor.from, to: anchor.to };
  }
  const whole = passageText(doc);
  const near = anchor.from ?? 0;
  let best: AnchorRange | null = null;
  for (let index = whole.text.indexOf(anchor.text); index !== -1; index = whole.text.indexOf(anchor.text, index + 1)) {
    const range = { from: whole.positions[index]!, to: whole.positions[index + anchor.text.length - 1]! + 1 };
    if (!best || Math.abs(range.from - near) < Math.abs(best.from - near)) best = range;
  }
  return best;
}

/** Whether the text between two positions is exactly the passage. */
export function isPassageAt(doc: ProseMirrorNode, { from, to, text }: AnchorRange & { text: string }): boolean {
  if (from < 0 || to > doc.content.size || from >= to) return false;
  return passageText(doc, { from, to }).text === text;
}

import type { Editor } from '@tiptap/react';
import { findOccurrences, positionedText, rangeOf } from './text-positions';

/**
 * Turns the first (or every) untagged occurrence of the given words into mentions of an entity,
 * in one step the writer can undo. Returns how many were tagged.
 */
export function tagText({
  editor,
  entity,
  forms,
  isEveryOccurrence,
}: {
  editor: Editor;
  entity: { id: number; kind: string };
  forms: string[];
  isEveryOccurrence: boolean;
}): number {
  const positioned = positionedText(editor.state.doc);
  const ranges = findOccurrences({ text: positioned.text, forms })
    .map((occurrence) => ({ ...occurrence, range: rangeOf({ positioned, ...occurrence }) }))
    .filter((occurrence) => occurrence.range !== null);
  const chosen = isEveryOccurrence ? ranges : ranges.slice(0, 1);
  if (chosen.length === 0) return 0;
  const mentionType = editor.schema.nodes.entityMention!;
  editor
    .chain()
    .command(({ tr }) => {
      for (const occurrence of [...chosen].reverse()) {
        const label = positioned.text.slice(occurrence.start, occurrence.end);
        tr.replaceWith(occurrence.range!.from, occurrence.range!.to, mentionType.create({ entityId: entity.id, kind: entity.kind, label }));
      }
      return true;
    })
    .run();
  return chosen.length;
}

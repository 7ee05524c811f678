import type { Editor } from '@tiptap/react';
import { findOccurrences, positionedText, rangeOf, type PositionedText } from './text-positions';

type TaggedEntity = { id: number; kind: string };
type Occurrence = { start: number; end: number; range: { from: number; to: number } };

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
  entity: TaggedEntity;
  forms: string[];
  isEveryOccurrence: boolean;
}): number {
  const positioned = positionedText(editor.state.doc);
  const occurrences = untaggedOccurrences({ positioned, forms });
  const chosen = isEveryOccurrence ? occurrences : occurrences.slice(0, 1);
  return replaceWithMentions({ editor, positioned, mentions: chosen.map((occurrence) => ({ entity, occurrence })) });
}

/** Tags the first untagged mention of each entity, all in one step the writer can undo. Returns the ids tagged. */
export function tagFirstMentions({ editor, tags }: { editor: Editor; tags: { entity: TaggedEntity; forms: string[] }[] }): number[] {
  const positioned = positionedText(editor.state.doc);
  const mentions: { entity: TaggedEntity; occurrence: Occurrence }[] = [];
  for (const { entity, forms } of tags) {
    // Two entities can match the same words; the first one listed keeps them.
    const occurrence = untaggedOccurrences({ positioned, forms }).find((candidate) => !mentions.some(({ occurrence: taken }) => candidate.start < taken.end && candidate.end > taken.start));
    if (occurrence) mentions.push({ entity, occurrence });
  }
  replaceWithMentions({ editor, positioned, mentions });
  return mentions.map(({ entity }) => entity.id);
}

function untaggedOccurrences({ positioned, forms }: { positioned: PositionedText; forms: string[] }): Occurrence[] {
  return findOccurrences({ text: positioned.text, forms }).flatMap((occurrence) => {
    const range = rangeOf({ positioned, ...occurrence });
    return range ? [{ ...occurrence, range }] : [];
  });
}

function replaceWithMentions({ editor, positioned, mentions }: { editor: Editor; positioned: PositionedText; mentions: { entity: TaggedEntity; occurrence: Occurrence }[] }): number {
  if (mentions.length === 0) return 0;
  const mentionType = editor.schema.nodes.entityMention!;
  // From the end backwards, so earlier positions stay valid.
  const ordered = [...mentions].sort((first, second) => second.occurrence.range.from - first.occurrence.range.from);
  editor
    .chain()
    .command(({ tr }) => {
      for (const { entity, occurrence } of ordered) {
        const label = positioned.text.slice(occurrence.start, occurrence.end);
        tr.replaceWith(occurrence.range.from, occurrence.range.to, mentionType.create({ entityId: entity.id, kind: entity.kind, label }));
      }
      return true;
    })
    .run();
  return mentions.length;
}

import type { JSONContent } from '@tiptap/core';

/** How many paragraphs a gated article without a marker shows to everyone. */
export const PUBLIC_PARAGRAPHS = 2;

/**
 * The part of an article shown to readers without access: the top-level blocks before the members'
 * marker or, without one, everything up to and including the second paragraph.
 */
export function publicPartOf(doc: JSONContent): JSONContent {
  const blocks = doc.content ?? [];
  const markerIndex = blocks.findIndex((block) => block.type === 'membersStart');
  if (markerIndex >= 0) return { ...doc, content: blocks.slice(0, markerIndex) };
  let paragraphs = 0;
  const end = blocks.findIndex((block) => block.type === 'paragraph' && ++paragraphs === PUBLIC_PARAGRAPHS);
  return { ...doc, content: end < 0 ? blocks : blocks.slice(0, end + 1) };
}

/** Whether the text has a members' marker placed by an editor. */
export function hasMembersStart(doc: JSONContent): boolean {
  return (doc.content ?? []).some((block) => block.type === 'membersStart');
}

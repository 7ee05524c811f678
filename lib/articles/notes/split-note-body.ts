import { mentionTokenPattern } from './mention-token';

export type NoteBodyPart = { kind: 'text'; text: string } | { kind: 'mention'; userId: number; name: string };

/** A note's stored text as runs of plain text and mentions, for showing it (never as HTML). */
export function splitNoteBody(body: string): NoteBodyPart[] {
  const parts: NoteBodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(mentionTokenPattern())) {
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    parts.push({ kind: 'mention', userId: Number(match[2]), name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

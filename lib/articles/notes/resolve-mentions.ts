import { mentionToken } from './mention-token';
import { splitNoteBody } from './split-note-body';

export type MentionableStaff = { id: number; name: string };

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Rewrites a note's mentions into their one stored form. A token (`@[Name](user:12)`) of an active
 * staff member keeps its id and takes the person's current name; a token of anyone else becomes
 * plain text. A typed `@Full Name` (any case, whole words) becomes a token when it names exactly
 * one active staff member, the longest name winning (`@Ana Ruiz Soto` over `@Ana Ruiz`).
 */
export function resolveMentions({ body, staff }: { body: string; staff: MentionableStaff[] }): { body: string; mentionedIds: number[] } {
  const byId = new Map(staff.map((member) => [member.id, member]));
  const byName = [...staff].sort((one, other) => other.name.length - one.name.length);
  const mentionedIds: number[] = [];
  const mention = (member: MentionableStaff) => {
    if (!mentionedIds.includes(member.id)) mentionedIds.push(member.id);
    return mentionToken(member);
  };
  const rewritten = splitNoteBody(body).map((part) => {
    if (part.kind === 'mention') {
      const member = byId.get(part.userId);
      return member ? mention(member) : `@${part.name}`;
    }
    return rewriteTypedNames({ text: part.text, byName, mention });
  });
  return { body: rewritten.join(''), mentionedIds };
}

function rewriteTypedNames({
  text,
  byName,
  mention,
}: {
  text: string;
  byName: MentionableStaff[];
  mention: (member: MentionableStaff) => string;
}): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const at = text.indexOf('@', index);
    if (at === -1) break;
    result += text.slice(index, at);
    const member = at > 0 && WORD_CHARACTER.test(text[at - 1]!) ? undefined : nameAt({ text, start: at + 1, byName });
    if (member) {
      result += mention(member);
      index = at + 1 + member.name.length;
    } else {
      result += '@';
      index = at + 1;
    }
  }
  return result + text.slice(index);
}

function nameAt({ text, start, byName }: { text: string; start: number; byName: MentionableStaff[] }): MentionableStaff | undefined {
  const matches = byName.filter((member) => {
    const written = text.slice(start, start + member.name.length);
    const after = text[start + member.name.length] ?? ' ';
    return written.length === member.name.length && !WORD_CHARACTER.test(after) && written.localeCompare(member.name, 'en', { sensitivity: 'accent' }) === 0;
  });
  const longest = matches.filter((member) => member.name.length === matches[0]?.name.length);
  // Two colleagues with the same name: the typed form cannot tell them apart, the picker's token can.
  return longest.length === 1 ? longest[0] : undefined;
}

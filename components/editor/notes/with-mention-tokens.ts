import { mentionToken } from '@/lib/articles/notes/mention-token';

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** Turns each `@Name` of a colleague picked from the list into the token that names them without doubt. */
export function withMentionTokens({ text, picked }: { text: string; picked: { id: number; name: string }[] }): string {
  let result = text;
  for (const person of [...picked].sort((one, other) => other.name.length - one.name.length)) {
    const typed = `@${person.name}`;
    let output = '';
    let index = 0;
    for (let at = result.indexOf(typed); at !== -1; at = result.indexOf(typed, at + typed.length)) {
      if (WORD_CHARACTER.test(result[at + typed.length] ?? ' ')) continue;
      output += result.slice(index, at) + mentionToken(person);
      index = at + typed.length;
    }
    result = output + result.slice(index);
  }
  return result;
}

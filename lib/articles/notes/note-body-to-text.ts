import { splitNoteBody } from './split-note-body';

/** A note as a person reads it in an email: mentions as `@Full Name`. */
export function noteBodyToText(body: string): string {
  return splitNoteBody(body)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.name}`))
    .join('');
}

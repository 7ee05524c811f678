/** Splits text into words and the runs of white space between them, so joining the pieces gives the text back. */
export function splitWords(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

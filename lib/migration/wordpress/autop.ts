/** Elements WordPress never wraps in a paragraph: a line that starts or ends one is a block boundary. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|legend|li|map|math|menu|nav|ol|p|pre|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul';

const BLOCK_TAG = `</?(?:${BLOCK_TAGS})(?:\\s[^>]*)?/?>`;
const OPENING_BLOCK = new RegExp(`(<(?:${BLOCK_TAGS})[\\s/>])`, 'gi');
const CLOSING_BLOCK = new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi');
const LEADING_BLOCKS = new RegExp(`^(?:\\s*${BLOCK_TAG})+\\s*`, 'i');
const TRAILING_BLOCKS = new RegExp(`\\s*(?:${BLOCK_TAG}\\s*)+$`, 'i');
const ENDS_WITH_BLOCK = new RegExp(`${BLOCK_TAG}$`, 'i');
const STARTS_WITH_BLOCK = new RegExp(`^${BLOCK_TAG}`, 'i');

/**
 * WordPress's classic editor saves paragraphs as blank lines and line breaks as single newlines;
 * its themes add the markup when showing a post. This does the same: blank-line separated text
 * becomes paragraphs, a single newline inside one becomes `<br />`, block-level elements are
 * never wrapped, and `<pre>` blocks keep every space and newline.
 */
export function autop(text: string): string {
  if (text.trim() === '') return '';
  const preserved: string[] = [];
  const html = text
    .replace(/\r\n?/g, '\n')
    .replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => `<pre data-kept="${preserved.push(pre) - 1}"></pre>`)
    // A newline inside a tag is only whitespace: it must not become a line break.
    .replace(/<[^<>]+>/g, (tag) => tag.replace(/\s*\n\s*/g, ' '))
    .replace(OPENING_BLOCK, '\n\n$1')
    .replace(CLOSING_BLOCK, '$1\n\n');

  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => wrapChunk(addLineBreaks(chunk)))
    .join('\n')
    .replace(/<pre data-kept="(\d+)"><\/pre>/g, (_, index: string) => preserved[Number(index)]!);
}

/** A single newline becomes a line break, unless it only separates block-level tags. */
function addLineBreaks(chunk: string): string {
  const lines = chunk.split('\n').map((line) => line.trim());
  return lines.reduce((joined, line, index) => {
    if (index === 0) return line;
    const previous = lines[index - 1]!;
    const quiet = ENDS_WITH_BLOCK.test(previous) || STARTS_WITH_BLOCK.test(line);
    return `${joined}${quiet ? '\n' : '<br />\n'}${line}`;
  }, '');
}

/** Text between block tags goes into a paragraph; a chunk that is block markup end to end stays as it is. */
function wrapChunk(chunk: string): string {
  if (STARTS_WITH_BLOCK.test(chunk) && ENDS_WITH_BLOCK.test(chunk)) return chunk;
  const leading = LEADING_BLOCKS.exec(chunk)?.[0] ?? '';
  const rest = chunk.slice(leading.length);
  const trailing = TRAILING_BLOCKS.exec(rest)?.[0] ?? '';
  const middle = rest.slice(0, rest.length - trailing.length);
  return middle.trim() === '' ? chunk : `${leading.trim()}<p>${middle.trim()}</p>${trailing.trim()}`;
}

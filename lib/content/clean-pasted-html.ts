import { isAllowedHref } from './is-allowed-href';
import { isAllowedImageSrc } from './is-allowed-image-src';
import { queryAllInOrder } from './query-all-in-order';

/** Removed together with everything inside them. */
const DROPPED_ELEMENTS = new Set([
  'applet', 'area', 'audio', 'base', 'button', 'canvas', 'col', 'colgroup', 'dialog', 'embed', 'frame', 'frameset', 'head',
  'iframe', 'input', 'link', 'map', 'math', 'meta', 'noscript', 'object', 'option', 'param', 'script',
  'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track', 'video', 'xml',
]);

/** Office prefixes whose elements carry no text worth keeping (`<o:p>&nbsp;</o:p>`, VML drawings). */
const DROPPED_PREFIXES = new Set(['o', 'v']);

/** Kept as they are, with only the listed attributes. */
const KEPT_ELEMENTS: Record<string, readonly string[]> = {
  a: ['href'],
  b: [],
  blockquote: [],
  br: [],
  del: [],
  div: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  hr: [],
  i: [],
  img: ['src', 'alt'],
  li: [],
  ol: ['start'],
  p: [],
  s: [],
  strike: [],
  strong: [],
  sub: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan'],
  thead: [],
  tr: [],
  ul: [],
};

/** Renamed to the nearest element an article has. */
const RENAMED_ELEMENTS: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4', pre: 'p' };

/** Inline wrappers that only carried styling: their children take their place. */
const UNWRAPPED_ELEMENTS = new Set([
  'abbr', 'acronym', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'font', 'ins', 'kbd', 'label', 'mark',
  'nobr', 'picture', 'q', 'samp', 'small', 'span', 'time', 'tt', 'u', 'var',
]);

/** Elements that hold blocks; styling on them is not turned into inline formatting. */
const BLOCK_CONTAINERS = new Set([
  'blockquote', 'div', 'figure', 'li', 'ol', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * The editor's own markup for footnotes, tagged mentions, credits and pull quotes, as it comes back
 * in a copy from an article: kept with its attributes, which the editor's schema then checks.
 */
const EDITOR_MARKUP: { selector: string; className?: string; attributes: readonly string[] }[] = [
  { selector: 'sup.footnote-ref[data-note]', className: 'footnote-ref', attributes: ['data-note'] },
  { selector: 'span.entity-mention[data-entity-id]', className: 'entity-mention', attributes: ['data-entity-id', 'data-kind'] },
  { selector: 'figcaption span.credit', className: 'credit', attributes: [] },
  { selector: 'aside.pull-quote', className: 'pull-quote', attributes: [] },
  { selector: 'aside.pull-quote > footer', attributes: [] },
];

/** Attributes of the editor's figures kept on every paste; the figure's own parser checks their values. */
const FIGURE_ATTRIBUTES: Record<string, readonly string[]> = { figure: ['data-media-id'], img: ['src', 'alt', 'srcset', 'width', 'height'] };

const SLICE_MARKER = 'data-pm-slice';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const MAX_CELL_SPAN = 1000;

/**
 * Cleans HTML pasted from Word, Google Docs or a web page before the editor parses it: drops
 * scripts, styles, comments and Office markup, turns styled spans and Word's list paragraphs into
 * real formatting and lists, and leaves only the elements and attributes an article can use.
 * HTML copied from an article (marked `data-pm-slice`) is cleaned the same way: its footnotes,
 * tagged mentions, figures and pull quotes keep the markup the editor reads, and the marker stays
 * so the copy keeps its shape. Each image left out is reported through `onRefusedImage`. Never
 * throws: on failure the input comes back unchanged, and the editor's schema and paste checks
 * still decide what is kept.
 */
export function cleanPastedHtml(html: string, doc: Document, { onRefusedImage }: { onRefusedImage?: (src: string) => void } = {}): string {
  if (typeof html !== 'string' || html === '') return '';
  try {
    // A template's content is inert: nothing in it runs or loads while it is cleaned.
    const template = doc.createElement('template');
    template.innerHTML = html;
    const root = template.content;
    const sliceMarker = root.querySelector(`[${SLICE_MARKER}]`)?.getAttribute(SLICE_MARKER) ?? null;
    removeComments(root);
    removeDroppedElements(root);
    convertWordLists(root);
    unwrapFalseBold(root);
    convertStyledText(root);
    keepAllowedMarkup(root, onRefusedImage ?? (() => {}));
    removeEmptyBlocks(root);
    if (sliceMarker !== null) root.firstElementChild?.setAttribute(SLICE_MARKER, sliceMarker);
    return template.innerHTML;
  } catch {
    return html;
  }
}

function removeComments(root: DocumentFragment): void {
  const pending: Node[] = [root];
  while (pending.length > 0) {
    for (const child of Array.from(pending.pop()!.childNodes)) {
      if (child.nodeType === COMMENT_NODE) child.parentNode?.removeChild(child);
      else pending.push(child);
    }
  }
}

function removeDroppedElements(root: DocumentFragment): void {
  for (const element of allElements(root)) {
    const name = element.localName;
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
    if (DROPPED_ELEMENTS.has(name) || DROPPED_PREFIXES.has(prefix)) element.remove();
  }
}

type WordListItem = { paragraph: Element; level: number; listId: string; tag: 'ul' | 'ol' };

/**
 * Word marks list paragraphs with `mso-list:lN levelN lfoN` and writes the bullet or number as
 * text inside a `mso-list:Ignore` span. Consecutive list paragraphs become one (nested) list.
 */
function convertWordLists(root: DocumentFragment): void {
  let run: WordListItem[] = [];
  for (const paragraph of queryAllInOrder(root, 'p')) {
    const item = readWordListItem(paragraph);
    if (!item) continue;
    const previous = run[run.length - 1];
    if (previous && paragraph.previousElementSibling !== previous.paragraph) {
      buildWordList(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) buildWordList(run);
  // Numbered headings and other stray markers keep their text but lose Word's generated number.
  for (const marker of wordListMarkers(root)) marker.remove();
}

function readWordListItem(paragraph: Element): WordListItem | null {
  const match = /^l(\d+)\s+level(\d+)\s+lfo(\d+)/.exec(readStyle(paragraph).get('mso-list') ?? '');
  if (!match) return null;
  const marker = wordListMarkers(paragraph)[0];
  const markerText = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  if (marker) removeWithEmptyAncestors(marker, paragraph);
  return {
    paragraph,
    level: Number(match[2]),
    listId: `${match[1]}-${match[3]}`,
    tag: /^\(?(?:\d{1,4}|[a-z]{1,5})[.)]$/i.test(markerText) ? 'ol' : 'ul',
  };
}

function buildWordList(items: WordListItem[]): void {
  const stack: { list: Element; level: number; listId: string }[] = [];
  for (const item of items) {
    const ownerDocument = item.paragraph.ownerDocument;
    while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
    let current = stack[stack.length - 1];
    if (current && current.level === item.level && (current.list.localName !== item.tag || current.listId !== item.listId)) {
      stack.pop();
      current = stack[stack.length - 1];
    }
    if (!current || current.level < item.level) {
      const list = ownerDocument.createElement(item.tag);
      if (current) {
        let lastItem = current.list.lastElementChild;
        if (!lastItem) {
          lastItem = ownerDocument.createElement('li');
          current.list.append(lastItem);
        }
        lastItem.append(list);
      } else {
        item.paragraph.before(list);
      }
      current = { list, level: item.level, listId: item.listId };
      stack.push(current);
    }
    const listItem = ownerDocument.createElement('li');
    while (item.paragraph.firstChild) listItem.append(item.paragraph.firstChild);
    current.list.append(listItem);
    item.paragraph.remove();
  }
}

function wordListMarkers(container: ParentNode): Element[] {
  return queryAllInOrder(container, '[style]').filter(
    (element) => readStyle(element).get('mso-list') === 'ignore',
  );
}

function removeWithEmptyAncestors(element: Element, stopAt: Element): void {
  let parent = element.parentElement;
  element.remove();
  while (parent && parent !== stopAt && (parent.textContent ?? '').trim() === '' && !parent.querySelector('img')) {
    const next = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

/** Google Docs wraps a whole copy in `<b id="docs-internal-guid-…" style="font-weight:normal">`. */
function unwrapFalseBold(root: DocumentFragment): void {
  for (const element of queryAllInOrder(root, 'b, strong')) {
    const isDocsWrapper = (element.getAttribute('id') ?? '').startsWith('docs-internal-guid');
    if (isDocsWrapper || isNormalWeight(readStyle(element).get('font-weight'))) unwrap(element);
  }
}

/** Bold, italic, strike-through and raised or lowered text set by `style` become real elements. */
function convertStyledText(root: DocumentFragment): void {
  for (const element of queryAllInOrder(root, '[style]')) {
    if (BLOCK_CONTAINERS.has(element.localName)) continue;
    const style = readStyle(element);
    const wrappers: string[] = [];
    const isInHeading = element.closest(HEADING_SELECTOR) !== null;
    if (!isInHeading && isBoldWeight(style.get('font-weight')) && !element.matches('b, strong')) wrappers.push('strong');
    if (/^(?:italic|oblique)/.test(style.get('font-style') ?? '') && !element.matches('i, em')) wrappers.push('em');
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
    if (decoration.includes('line-through') && !element.matches('s, del, strike')) wrappers.push('s');
    const verticalAlign = style.get('vertical-align');
    if (verticalAlign === 'super' && !element.matches('sup')) wrappers.push('sup');
    if (verticalAlign === 'sub' && !element.matches('sub')) wrappers.push('sub');
    if (wrappers.length > 0) wrapChildren(element, wrappers);
  }
}

function keepAllowedMarkup(root: DocumentFragment, onRefusedImage: (src: string) => void): void {
  for (const original of allElements(root)) {
    const editorMarkup = EDITOR_MARKUP.find((markup) => original.matches(markup.selector));
    if (editorMarkup) {
      keepOnlyAttributes(original, editorMarkup.attributes);
      if (editorMarkup.className) original.setAttribute('class', editorMarkup.className);
      continue;
    }
    const renamed = RENAMED_ELEMENTS[original.localName];
    const element = renamed ? renameElement(original, renamed) : original;
    const name = element.localName;
    if (name.includes(':') || UNWRAPPED_ELEMENTS.has(name)) {
      unwrap(element);
      continue;
    }
    if (name === 'wbr') {
      element.remove();
      continue;
    }
    if (name === 'caption') {
      moveCaptionBeforeTable(element);
      continue;
    }
    const allowed = FIGURE_ATTRIBUTES[name] ?? KEPT_ELEMENTS[name];
    if (!allowed) {
      renameElement(element, 'div');
      continue;
    }
    keepOnlyAttributes(element, allowed);
    if (name === 'a') keepAllowedLink(element);
    if (name === 'img') keepAllowedImage(element, onRefusedImage);
    if (name === 'td' || name === 'th') keepValidSpans(element);
    if (name === 'ol' && !/^\d{1,6}$/.test(element.getAttribute('start') ?? '1')) element.removeAttribute('start');
  }
}

/** A table's caption is kept as the paragraph above the table, since article tables have none. */
function moveCaptionBeforeTable(caption: Element): void {
  const paragraph = renameElement(caption, 'p');
  paragraph.closest('table')?.before(paragraph);
}

function keepAllowedLink(link: Element): void {
  const href = (link.getAttribute('href') ?? '').trim();
  if (!isAllowedHref(href)) {
    unwrap(link);
    return;
  }
  link.setAttribute('href', href);
}

function keepAllowedImage(image: Element, onRefusedImage: (src: string) => void): void {
  const src = (image.getAttribute('src') ?? '').trim();
  if (!isAllowedImageSrc(src)) {
    image.remove();
    if (src !== '') onRefusedImage(src);
    return;
  }
  image.setAttribute('src', src);
}

function keepValidSpans(cell: Element): void {
  for (const name of ['colspan', 'rowspan']) {
    const value = cell.getAttribute(name);
    if (value === null) continue;
    const span = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : 0;
    if (span < 1 || span > MAX_CELL_SPAN) cell.removeAttribute(name);
  }
}

/** Word's blank spacing paragraphs, and Google Docs' `<br>`s between blocks, are not content. */
function removeEmptyBlocks(root: DocumentFragment): void {
  for (const block of queryAllInOrder(root, 'p, h2, h3, h4')) {
    const text = (block.textContent ?? '').replace(/[\s\u00a0]+/g, '');
    if (text === '' && !block.querySelector('img, br')) block.remove();
  }
  for (const lineBreak of Array.from(root.children).filter((element) => element.localName === 'br')) {
    const neighbours = [adjacentNode(lineBreak, 'previousSibling'), adjacentNode(lineBreak, 'nextSibling')];
    if (neighbours.some((node) => node !== null && isBlockElement(node))) lineBreak.remove();
  }
}

/** The nearest sibling that is not blank text. */
function adjacentNode(node: Node, direction: 'previousSibling' | 'nextSibling'): Node | null {
  let sibling = node[direction];
  while (sibling && sibling.nodeType === TEXT_NODE && (sibling.textContent ?? '').trim() === '') sibling = sibling[direction];
  return sibling;
}

function isBlockElement(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name !== 'br' && !['a', 'b', 'del', 'em', 'i', 'img', 's', 'strike', 'strong', 'sub', 'sup'].includes(name);
}

function readStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (property !== '') declarations.set(property, value);
  }
  return declarations;
}

function isBoldWeight(weight: string | undefined): boolean {
  if (weight === undefined) return false;
  if (weight === 'bold' || weight === 'bolder') return true;
  return /^\d+$/.test(weight) && Number(weight) >= 600;
}

function isNormalWeight(weight: string | undefined): boolean {
  if (weight === undefined) return false;
  if (weight === 'normal' || weight === 'lighter') return true;
  return /^\d+$/.test(weight) && Number(weight) < 600;
}

function wrapChildren(element: Element, tags: string[]): void {
  const ownerDocument = element.ownerDocument;
  const outermost = ownerDocument.createElement(tags[0]!);
  let innermost = outermost;
  for (const tag of tags.slice(1)) {
    const wrapper = ownerDocument.createElement(tag);
    innermost.append(wrapper);
    innermost = wrapper;
  }
  while (element.firstChild) innermost.append(element.firstChild);
  element.append(outermost);
}

/** The new element starts without attributes: every renamed element is one whose attributes go. */
function renameElement(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  while (element.firstChild) replacement.append(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

function keepOnlyAttributes(element: Element, allowed: readonly string[]): void {
  for (const attribute of Array.from(element.attributes)) {
    if (!allowed.includes(attribute.name)) element.removeAttribute(attribute.name);
  }
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function allElements(root: DocumentFragment): Element[] {
  return queryAllInOrder(root, '*');
}

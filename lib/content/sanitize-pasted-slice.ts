import { Fragment, Slice, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { HEADING_LEVELS } from './extensions';
import { isAllowedHref } from './is-allowed-href';
import { isAllowedImageSrc } from './is-allowed-image-src';
import { isAllowedSrcset } from './is-allowed-srcset';
import { ENTITY_MENTION_KINDS, MAX_MENTION_LABEL_LENGTH } from './nodes/entity-mention';
import { MAX_ALT_LENGTH } from './nodes/figure';
import { MAX_FOOTNOTE_LENGTH } from './nodes/footnote';

export type PastedSliceCheck = {
  slice: Slice;
  /** Addresses of images left out because they are not in the media library. */
  refusedImageSources: string[];
  /** Labels of tagged mentions turned into plain text because their entity is not known. */
  untaggedLabels: string[];
};

type SanitizeOptions = {
  /** How deep below the slice's top the pasted blocks may nest; deeper containers give up their text blocks. */
  maxDepth?: number;
  /** Whether a mention's entity may stay tagged; the others become their plain text. */
  isKnownEntity?: (entityId: number) => boolean;
};

type Context = Required<SanitizeOptions> & Omit<PastedSliceCheck, 'slice'>;

const MAX_CELL_SPAN = 1000;
const CELL_ALIGNMENTS = ['left', 'center', 'right'];
const LIST_ATTRS = new Set(['colwidth']);
/** Nodes whose parent accepts only them, so they are never replaced by their text blocks. */
const STRUCTURAL_NODES = new Set(['listItem', 'tableRow', 'tableCell', 'tableHeader']);

/**
 * Makes pasted or dropped content fit what an article may hold, whatever its source (another
 * site, an office document, or markup claiming to be an article's own copy): links lose styling
 * and addresses an article cannot use, malformed or unknown mentions become plain text, notes
 * over the length limit are split into several notes, images not in the media library are left
 * out, and attributes take the nearest allowed value. Text is never dropped.
 */
export function sanitizePastedSlice(slice: Slice, { maxDepth = Number.POSITIVE_INFINITY, isKnownEntity = () => true }: SanitizeOptions = {}): PastedSliceCheck {
  const context: Context = { maxDepth, isKnownEntity, refusedImageSources: [], untaggedLabels: [] };
  const content = cleanFragment(slice.content, 0, context);
  const result = { refusedImageSources: context.refusedImageSources, untaggedLabels: context.untaggedLabels };
  if (content.size === 0) return { slice: Slice.empty, ...result };
  const openStart = possibleOpenDepth(content, 'start', slice.openStart);
  const openEnd = possibleOpenDepth(content, 'end', slice.openEnd);
  return { slice: new Slice(content, openStart, openEnd), ...result };
}

function cleanFragment(fragment: Fragment, depth: number, context: Context): Fragment {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => nodes.push(...cleanNode(node, depth, context)));
  return Fragment.fromArray(nodes);
}

function cleanNode(node: ProseMirrorNode, depth: number, context: Context): ProseMirrorNode[] {
  const { schema } = node.type;
  const marks = cleanMarks(node.marks);
  if (node.isText) return [schema.text(node.text ?? '', marks)];
  if (node.type.name === 'entityMention') return cleanMention(node, marks, context);
  if (node.type.name === 'footnote') return cleanFootnote(node, marks);
  if (node.type.name === 'figure') return cleanFigure(node, context);
  if (depth >= context.maxDepth && node.isBlock && !node.isTextblock && !node.isAtom && !STRUCTURAL_NODES.has(node.type.name)) {
    return textBlocksOf(node).flatMap((block) => cleanNode(block, depth, context));
  }
  const attrs = cleanAttrs(node);
  const content = cleanFragment(node.content, depth + 1, context);
  const rebuilt = node.type.validContent(content) ? node.type.create(attrs, content, marks) : node.type.createAndFill(attrs, content, marks);
  if (rebuilt) return [rebuilt];
  return node.isBlock ? textBlocksOf(node).flatMap((block) => cleanNode(block, depth, context)) : [];
}

function cleanMarks(marks: readonly Mark[]): Mark[] {
  const kept: Mark[] = [];
  for (const mark of marks) {
    if (mark.type.name !== 'link') {
      kept.push(mark);
      continue;
    }
    const href = typeof mark.attrs.href === 'string' ? mark.attrs.href.trim() : '';
    if (!isAllowedHref(href)) continue;
    const target = mark.attrs.target === '_blank' ? '_blank' : null;
    const title = typeof mark.attrs.title === 'string' ? mark.attrs.title : null;
    kept.push(mark.type.create({ href, target, title }));
  }
  return kept;
}

function cleanMention(node: ProseMirrorNode, marks: Mark[], context: Context): ProseMirrorNode[] {
  const { entityId, kind } = node.attrs;
  const label = typeof node.attrs.label === 'string' ? node.attrs.label : '';
  const isWellFormed =
    isPositiveInteger(entityId) &&
    ENTITY_MENTION_KINDS.includes(kind) &&
    label.trim() !== '' &&
    label.length <= MAX_MENTION_LABEL_LENGTH;
  if (isWellFormed && context.isKnownEntity(entityId)) return [node.type.create({ entityId, kind, label }, null, marks)];
  if (label === '') return [];
  context.untaggedLabels.push(label);
  return [node.type.schema.text(label, marks)];
}

function cleanFootnote(node: ProseMirrorNode, marks: Mark[]): ProseMirrorNode[] {
  const note = typeof node.attrs.note === 'string' ? node.attrs.note.trim() : '';
  return splitNote(note).map((part) => node.type.create({ note: part }, null, marks));
}

/** A note over the limit becomes several consecutive notes, broken between words where it can be. */
function splitNote(note: string): string[] {
  const parts: string[] = [];
  let rest = note;
  while (rest.length > MAX_FOOTNOTE_LENGTH) {
    const lastSpace = rest.lastIndexOf(' ', MAX_FOOTNOTE_LENGTH);
    const cut = lastSpace > MAX_FOOTNOTE_LENGTH / 2 ? lastSpace : MAX_FOOTNOTE_LENGTH;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts.filter((part) => part !== '');
}

function cleanFigure(node: ProseMirrorNode, context: Context): ProseMirrorNode[] {
  const { attrs } = node;
  const src = typeof attrs.src === 'string' ? attrs.src.trim() : '';
  if (!isAllowedImageSrc(src)) {
    if (src !== '') context.refusedImageSources.push(src);
    return [];
  }
  const srcset = typeof attrs.srcset === 'string' && isAllowedSrcset(attrs.srcset) ? attrs.srcset : '';
  return [
    node.type.create({
      src,
      srcset,
      mediaId: isPositiveInteger(attrs.mediaId) ? attrs.mediaId : null,
      alt: typeof attrs.alt === 'string' ? attrs.alt.slice(0, MAX_ALT_LENGTH) : '',
      caption: typeof attrs.caption === 'string' ? attrs.caption : '',
      credit: typeof attrs.credit === 'string' ? attrs.credit : '',
      width: isPositiveInteger(attrs.width) ? attrs.width : null,
      height: isPositiveInteger(attrs.height) ? attrs.height : null,
    }),
  ];
}

/** Each attribute keeps its value when an article allows it, and otherwise takes the nearest allowed one. */
function cleanAttrs(node: ProseMirrorNode): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(node.type.spec.attrs ?? {})) {
    const value = node.attrs[name];
    const isPlain = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    attrs[name] = isPlain || LIST_ATTRS.has(name) ? value : (spec.default ?? null);
  }
  switch (node.type.name) {
    case 'heading':
      return { ...attrs, level: nearestHeadingLevel(attrs.level) };
    case 'orderedList':
      return { ...attrs, start: isPositiveInteger(attrs.start) && attrs.start < 1_000_000 ? attrs.start : 1 };
    case 'pullQuote':
      return { ...attrs, attribution: typeof attrs.attribution === 'string' ? attrs.attribution : '' };
    case 'tableCell':
    case 'tableHeader':
      return cleanCellAttrs(attrs);
    default:
      return attrs;
  }
}

function nearestHeadingLevel(level: unknown): number {
  if (HEADING_LEVELS.includes(level as (typeof HEADING_LEVELS)[number])) return level as number;
  const lowest = HEADING_LEVELS[0];
  const highest = HEADING_LEVELS[HEADING_LEVELS.length - 1]!;
  return typeof level === 'number' && level > highest ? highest : lowest;
}

function cleanCellAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  const span = (value: unknown) => (isPositiveInteger(value) && value <= MAX_CELL_SPAN ? value : 1);
  const colspan = span(attrs.colspan);
  const colwidth = attrs.colwidth;
  const isWidthList =
    Array.isArray(colwidth) && colwidth.length === colspan && colwidth.every((width) => Number.isInteger(width) && (width as number) >= 0);
  return {
    ...attrs,
    colspan,
    rowspan: span(attrs.rowspan),
    align: CELL_ALIGNMENTS.includes(attrs.align as string) ? attrs.align : null,
    colwidth: isWidthList ? colwidth : null,
  };
}

/** The text blocks and block images inside a container, in order, for when the container itself cannot stay. */
function textBlocksOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const blocks: ProseMirrorNode[] = [];
  node.descendants((child) => {
    if (child.isTextblock || (child.isBlock && child.isAtom)) {
      blocks.push(child);
      return false;
    }
    return true;
  });
  return blocks;
}

/** How far the rebuilt content can still be open at one side, at most as far as the pasted slice was. */
function possibleOpenDepth(content: Fragment, side: 'start' | 'end', wanted: number): number {
  let depth = 0;
  for (let node = side === 'start' ? content.firstChild : content.lastChild; node && !node.isLeaf && depth < wanted; depth++) {
    node = side === 'start' ? node.firstChild : node.lastChild;
  }
  return depth;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

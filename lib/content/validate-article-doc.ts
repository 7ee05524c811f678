import type { JSONContent } from '@tiptap/core';
import { articleSchema } from './article-schema';
import { HEADING_LEVELS } from './extensions';
import { isAllowedHref } from './is-allowed-href';
import { isAllowedImageSrc } from './is-allowed-image-src';
import { isAllowedSrcset } from './is-allowed-srcset';
import { MAX_ALT_LENGTH } from './nodes/figure';
import { ENTITY_MENTION_KINDS, MAX_MENTION_LABEL_LENGTH } from './nodes/entity-mention';
import { MAX_FOOTNOTE_LENGTH } from './nodes/footnote';

export const MAX_DOC_BYTES = 5 * 1024 * 1024;
export const MAX_DOC_DEPTH = 64;
const MAX_CELL_SPAN = 1000;
const CELL_ALIGNMENTS = ['left', 'center', 'right'];

/** Attributes that hold a list rather than a single value, checked by their node's own rule. */
const LIST_ATTRS: Record<string, string[]> = { tableCell: ['colwidth'], tableHeader: ['colwidth'] };

type AttrCheck = (attrs: Record<string, unknown>, path: string, problems: ContentProblem[]) => void;

const NODE_ATTR_CHECKS: Record<string, AttrCheck> = {
  heading: checkHeadingLevel,
  figure: checkFigureAttrs,
  footnote: checkFootnoteAttrs,
  entityMention: checkEntityMentionAttrs,
  pullQuote: checkPullQuoteAttrs,
  tableCell: checkTableCellAttrs,
  tableHeader: checkTableCellAttrs,
};

export type ContentProblem = { path: string; message: string };

export type DocValidation =
  | { ok: true; doc: JSONContent }
  | { ok: false; problems: ContentProblem[]; message: string };

/**
 * Checks a document against the article schema. Nothing is dropped or repaired: a document with an
 * unknown node, mark or attribute, a disallowed link or a bad structure is refused, with each
 * problem named by where it is.
 */
export function validateArticleDoc(input: unknown, { maxBytes = MAX_DOC_BYTES } = {}): DocValidation {
  let serialized: string;
  try {
    serialized = JSON.stringify(input) ?? '';
  } catch {
    return fail([{ path: 'doc', message: 'The document is not plain JSON.' }]);
  }
  // TextEncoder rather than Buffer: the editor checks merged documents in the browser too.
  const size = new TextEncoder().encode(serialized).byteLength;
  if (size > maxBytes) {
    return fail([
      {
        path: 'doc',
        message: `The document is ${formatMegabytes(size)}, over the ${formatMegabytes(maxBytes)} limit; split it or remove large pasted content.`,
      },
    ]);
  }
  if (!isRecord(input) || input.type !== 'doc') {
    return fail([{ path: 'doc', message: 'The document must be an object of type "doc".' }]);
  }
  const problems: ContentProblem[] = [];
  checkNode(input, 'doc', 0, problems);
  checkMembersStart(input, problems);
  if (problems.length > 0) return fail(problems);
  try {
    articleSchema().nodeFromJSON(input).check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([{ path: 'doc', message: `The document's structure is not allowed: ${detail}.` }]);
  }
  return { ok: true, doc: input as JSONContent };
}

/** The members' marker splits the text in two, so it may stand only between top-level blocks, and once. */
function checkMembersStart(doc: Record<string, unknown>, problems: ContentProblem[]): void {
  const topLevel = Array.isArray(doc.content) ? doc.content : [];
  const markers = topLevel.flatMap((child, index) => (isRecord(child) && child.type === 'membersStart' ? [index] : []));
  if (markers.length > 1) {
    problems.push({ path: `doc.content[${markers[1]}]`, message: 'The text has more than one "members’ content starts here" marker; keep one.' });
  }
  const visit = (node: unknown, path: string, depth: number) => {
    if (!isRecord(node) || !Array.isArray(node.content) || depth > MAX_DOC_DEPTH) return;
    node.content.forEach((child, index) => {
      const childPath = `${path}.content[${index}]`;
      if (depth > 0 && isRecord(child) && child.type === 'membersStart') {
        problems.push({ path: childPath, message: 'The "members’ content starts here" marker must stand between paragraphs, not inside a list, quote or table.' });
      }
      visit(child, childPath, depth + 1);
    });
  };
  visit(doc, 'doc', 0);
}

function checkNode(node: unknown, path: string, depth: number, problems: ContentProblem[]): void {
  if (depth > MAX_DOC_DEPTH) {
    problems.push({ path, message: `Content is nested more than ${MAX_DOC_DEPTH} levels deep.` });
    return;
  }
  if (!isRecord(node) || typeof node.type !== 'string') {
    problems.push({ path, message: 'Each piece of content must be an object with a "type".' });
    return;
  }
  const schema = articleSchema();
  const type = schema.nodes[node.type];
  if (!type) {
    problems.push({ path, message: `"${node.type}" is not something an article can contain.` });
    return;
  }
  for (const key of Object.keys(node)) {
    if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) {
      problems.push({ path, message: `Unexpected field "${key}" on ${node.type}.` });
    }
  }
  checkAttrs({
    owner: node.type,
    allowed: Object.keys(type.spec.attrs ?? {}),
    listAttrs: LIST_ATTRS[node.type],
    attrs: node.attrs,
    path,
    problems,
  });
  NODE_ATTR_CHECKS[node.type]?.(isRecord(node.attrs) ? node.attrs : {}, path, problems);
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') {
      problems.push({ path, message: 'A text node must hold non-empty text.' });
    }
  } else if (node.text !== undefined) {
    problems.push({ path, message: `${node.type} cannot carry text directly.` });
  }
  if (node.marks !== undefined) checkMarks(node.marks, `${path}.marks`, problems);
  if (node.content === undefined) return;
  if (!Array.isArray(node.content)) {
    problems.push({ path, message: `The content of ${node.type} must be a list.` });
    return;
  }
  node.content.forEach((child, index) => checkNode(child, `${path}.content[${index}]`, depth + 1, problems));
}

function checkMarks(marks: unknown, path: string, problems: ContentProblem[]): void {
  if (!Array.isArray(marks)) {
    problems.push({ path, message: 'Marks must be a list.' });
    return;
  }
  marks.forEach((mark, index) => {
    const markPath = `${path}[${index}]`;
    if (!isRecord(mark) || typeof mark.type !== 'string') {
      problems.push({ path: markPath, message: 'Each mark must be an object with a "type".' });
      return;
    }
    const type = articleSchema().marks[mark.type];
    if (!type) {
      problems.push({ path: markPath, message: `The "${mark.type}" formatting is not allowed in articles.` });
      return;
    }
    checkAttrs({ owner: mark.type, allowed: Object.keys(type.spec.attrs ?? {}), attrs: mark.attrs, path: markPath, problems });
    if (mark.type === 'link') checkLinkAttrs(isRecord(mark.attrs) ? mark.attrs : {}, markPath, problems);
  });
}

function checkAttrs({
  owner,
  allowed,
  listAttrs = [],
  attrs,
  path,
  problems,
}: {
  owner: string;
  allowed: string[];
  listAttrs?: string[];
  attrs: unknown;
  path: string;
  problems: ContentProblem[];
}): void {
  if (attrs === undefined || attrs === null) return;
  if (!isRecord(attrs)) {
    problems.push({ path, message: `The attributes of ${owner} must be an object.` });
    return;
  }
  for (const [key, value] of Object.entries(attrs)) {
    if (!allowed.includes(key)) {
      problems.push({ path, message: `${owner} has no attribute "${key}".` });
      continue;
    }
    if (listAttrs.includes(key)) continue;
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      problems.push({ path, message: `The "${key}" attribute of ${owner} must be a plain value.` });
    }
  }
}

function checkHeadingLevel(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  const level = attrs.level;
  if (!HEADING_LEVELS.includes(level as (typeof HEADING_LEVELS)[number])) {
    problems.push({ path, message: `Headings must be level ${HEADING_LEVELS.join(', ')}; got ${String(level)}.` });
  }
}

function checkLinkAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  const href = attrs.href;
  if (typeof href !== 'string' || !isAllowedHref(href)) {
    problems.push({
      path,
      message: `The link "${String(href)}" is not allowed: use an http(s) address, a mailto: address or a path on this site.`,
    });
  }
  if (attrs.target !== undefined && attrs.target !== null && attrs.target !== '_blank') {
    problems.push({ path, message: 'A link may only open in the same tab or a new one.' });
  }
  if (attrs.class !== undefined && attrs.class !== null) {
    problems.push({ path, message: 'Links cannot carry their own styling classes.' });
  }
}

function checkFigureAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  const { src, srcset, alt } = attrs;
  if (typeof src !== 'string' || !isAllowedImageSrc(src)) {
    problems.push({
      path,
      message: `The image "${String(src)}" is not in the media library, so readers would see a broken image: upload it to the media library and insert it from there.`,
    });
  }
  if (srcset !== undefined && (typeof srcset !== 'string' || !isAllowedSrcset(srcset))) {
    problems.push({
      path,
      message: "The image's srcset may only list media-library addresses, each with one width or density.",
    });
  }
  if (alt !== undefined && typeof alt !== 'string') {
    problems.push({ path, message: "The image's alt text must be text." });
  } else if (typeof alt === 'string' && alt.length > MAX_ALT_LENGTH) {
    problems.push({ path, message: `The image's alt text is ${alt.length} characters; keep it to ${MAX_ALT_LENGTH}.` });
  }
  for (const key of ['caption', 'credit'] as const) {
    if (attrs[key] !== undefined && typeof attrs[key] !== 'string') {
      problems.push({ path, message: `The image's ${key} must be text.` });
    }
  }
  for (const key of ['mediaId', 'width', 'height'] as const) {
    if (attrs[key] !== undefined && attrs[key] !== null && !isPositiveInteger(attrs[key])) {
      problems.push({ path, message: `The image's ${key} must be a whole number above zero.` });
    }
  }
}

function checkFootnoteAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  const note = attrs.note;
  if (typeof note !== 'string' || note.trim() === '') {
    problems.push({ path, message: 'A footnote must hold the text of its note.' });
    return;
  }
  if (note.length > MAX_FOOTNOTE_LENGTH) {
    problems.push({ path, message: `A footnote is ${note.length} characters; keep it to ${MAX_FOOTNOTE_LENGTH}.` });
  }
}

function checkEntityMentionAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  if (!isPositiveInteger(attrs.entityId)) problems.push({ path, message: 'A tagged mention must name the entity it refers to.' });
  if (!ENTITY_MENTION_KINDS.includes(attrs.kind as (typeof ENTITY_MENTION_KINDS)[number])) {
    problems.push({ path, message: `A tagged mention's kind must be one of ${ENTITY_MENTION_KINDS.join(', ')}.` });
  }
  const label = attrs.label;
  if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_MENTION_LABEL_LENGTH) {
    problems.push({ path, message: `A tagged mention must show its text (1 to ${MAX_MENTION_LABEL_LENGTH} characters).` });
  }
}

function checkPullQuoteAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  if (attrs.attribution !== undefined && typeof attrs.attribution !== 'string') {
    problems.push({ path, message: "A pull quote's attribution must be text." });
  }
}

function checkTableCellAttrs(attrs: Record<string, unknown>, path: string, problems: ContentProblem[]): void {
  for (const key of ['colspan', 'rowspan'] as const) {
    const span = attrs[key];
    if (span !== undefined && (!isPositiveInteger(span) || span > MAX_CELL_SPAN)) {
      problems.push({ path, message: `A table cell's ${key} must be a whole number from 1 to ${MAX_CELL_SPAN}.` });
    }
  }
  const { align, colwidth } = attrs;
  if (align !== undefined && align !== null && !CELL_ALIGNMENTS.includes(align as string)) {
    problems.push({ path, message: 'A table cell may only be aligned left, center or right.' });
  }
  if (colwidth === undefined || colwidth === null) return;
  const colspan = isPositiveInteger(attrs.colspan) ? attrs.colspan : 1;
  const isWidthList =
    Array.isArray(colwidth) &&
    colwidth.length === colspan &&
    colwidth.every((width) => Number.isInteger(width) && (width as number) >= 0);
  if (!isWidthList) {
    problems.push({ path, message: "A table cell's column widths must be one whole number for each column it spans." });
  }
}

function fail(problems: ContentProblem[]): DocValidation {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, problems, message: `${first.message} At ${first.path}${more}.` };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

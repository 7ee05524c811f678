import type { JSONContent } from '@tiptap/core';
import { articleSchema } from './article-schema';
import { HEADING_LEVELS } from './extensions';
import { isAllowedHref } from './is-allowed-href';

export const MAX_DOC_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 64;

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
  const size = Buffer.byteLength(serialized, 'utf8');
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
  if (problems.length > 0) return fail(problems);
  try {
    articleSchema().nodeFromJSON(input).check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([{ path: 'doc', message: `The document's structure is not allowed: ${detail}.` }]);
  }
  return { ok: true, doc: input as JSONContent };
}

function checkNode(node: unknown, path: string, depth: number, problems: ContentProblem[]): void {
  if (depth > MAX_DEPTH) {
    problems.push({ path, message: `Content is nested more than ${MAX_DEPTH} levels deep.` });
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
  checkAttrs({ owner: node.type, allowed: Object.keys(type.spec.attrs ?? {}), attrs: node.attrs, path, problems });
  if (node.type === 'heading') checkHeadingLevel(node.attrs, path, problems);
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
    if (mark.type === 'link') checkLinkAttrs(mark.attrs, markPath, problems);
  });
}

function checkAttrs({
  owner,
  allowed,
  attrs,
  path,
  problems,
}: {
  owner: string;
  allowed: string[];
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
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      problems.push({ path, message: `The "${key}" attribute of ${owner} must be a plain value.` });
    }
  }
}

function checkHeadingLevel(attrs: unknown, path: string, problems: ContentProblem[]): void {
  const level = isRecord(attrs) ? attrs.level : undefined;
  if (!HEADING_LEVELS.includes(level as (typeof HEADING_LEVELS)[number])) {
    problems.push({ path, message: `Headings must be level ${HEADING_LEVELS.join(', ')}; got ${String(level)}.` });
  }
}

function checkLinkAttrs(attrs: unknown, path: string, problems: ContentProblem[]): void {
  const record = isRecord(attrs) ? attrs : {};
  const href = record.href;
  if (typeof href !== 'string' || !isAllowedHref(href)) {
    problems.push({
      path,
      message: `The link "${String(href)}" is not allowed: use an http(s) address, a mailto: address or a path on this site.`,
    });
  }
  if (record.target !== undefined && record.target !== null && record.target !== '_blank') {
    problems.push({ path, message: 'A link may only open in the same tab or a new one.' });
  }
  if (record.class !== undefined && record.class !== null) {
    problems.push({ path, message: 'Links cannot carry their own styling classes.' });
  }
}

function fail(problems: ContentProblem[]): DocValidation {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, problems, message: `${first.message} At ${first.path}${more}.` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

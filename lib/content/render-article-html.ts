import type { JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { domOutputSpecToHTMLString, renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { articleSchema } from './article-schema';
import { articleExtensions } from './extensions';

const extensions = articleExtensions();

export const FOOTNOTES_LABEL_ID = 'footnotes-label';

export type RenderOptions = {
  /** Pages of tagged entities, by entity id: the first mention of each links to its page. */
  entityHrefs?: ReadonlyMap<number, string>;
};

/**
 * Renders a validated article document to HTML on the server, with the editor's own extension list.
 * Footnotes are numbered in document order; each marker links to its note in a "Notes" section
 * appended after the text. All text and attribute values are escaped by the renderer.
 */
export function renderArticleHtml(doc: JSONContent, { entityHrefs }: RenderOptions = {}): string {
  const { node, footnotes } = prepareFootnotes(articleSchema().nodeFromJSON(doc));
  const numbers = new Map(footnotes.map((footnote, index) => [footnote, index + 1]));
  const linkedEntities = new Set<number>();
  const body = renderToHTMLString({
    content: node,
    extensions,
    options: {
      nodeMapping: {
        footnote: ({ node: footnote }) => renderFootnoteReference(numbers.get(footnote) ?? 0),
        // The marker is the editors' note of where the public part ends; readers see no line there.
        membersStart: () => '',
        entityMention: ({ node: mention }) => {
          const entityId = Number(mention.attrs.entityId);
          const label = String(mention.attrs.label ?? '');
          const href = entityHrefs?.get(entityId);
          // Only the first mention links, and never inside a link the writer made.
          const isLinked = href !== undefined && !linkedEntities.has(entityId) && !mention.marks.some((mark) => mark.type.name === 'link');
          if (!isLinked) return renderSpec(['span', { class: 'entity-mention' }, label]);
          linkedEntities.add(entityId);
          return renderSpec(['a', { class: 'entity-mention', href }, label]);
        },
      },
    },
  });
  return body + renderFootnoteList(footnotes.map((footnote) => String(footnote.attrs.note ?? '')));
}

/**
 * Finds the footnotes in document order. A footnote's marker is a link of its own, so any marks
 * on the footnote node (a surrounding link, bold, superscript) are dropped before rendering.
 */
function prepareFootnotes(doc: ProseMirrorNode): { node: ProseMirrorNode; footnotes: ProseMirrorNode[] } {
  const markedPositions: number[] = [];
  doc.descendants((child, position) => {
    if (child.type.name === 'footnote' && child.marks.length > 0) markedPositions.push(position);
    return !child.isInline;
  });
  let node = doc;
  if (markedPositions.length > 0) {
    const transform = new Transform(doc);
    for (const position of markedPositions) transform.removeMark(position, position + 1);
    node = transform.doc;
  }
  const footnotes: ProseMirrorNode[] = [];
  node.descendants((child) => {
    if (child.type.name === 'footnote') footnotes.push(child);
    return !child.isInline;
  });
  return { node, footnotes };
}

function renderFootnoteReference(number: number): string {
  return renderSpec([
    'sup',
    { class: 'footnote-ref', id: `fnref-${number}` },
    ['a', { href: `#fn-${number}`, 'aria-describedby': FOOTNOTES_LABEL_ID }, String(number)],
  ]);
}

function renderFootnoteList(notes: string[]): string {
  if (notes.length === 0) return '';
  const items: DOMOutputSpec[] = notes.map((note, index) => {
    const number = index + 1;
    return [
      'li',
      { id: `fn-${number}` },
      `${note} `,
      ['a', { href: `#fnref-${number}`, 'aria-label': `Back to reference ${number}` }, '↩'],
    ];
  });
  return renderSpec([
    'section',
    { class: 'footnotes', 'aria-labelledby': FOOTNOTES_LABEL_ID },
    ['h2', { id: FOOTNOTES_LABEL_ID }, 'Notes'],
    ['ol', {}, ...items],
  ]);
}

function renderSpec(spec: DOMOutputSpec): string {
  return domOutputSpecToHTMLString(spec)();
}

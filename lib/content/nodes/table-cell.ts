import type { Attributes } from '@tiptap/core';
import { TableCell, TableHeader } from '@tiptap/extension-table';

/** Tiptap's data cell, with column widths kept in the document but never written into the HTML. */
export const ArticleTableCell = TableCell.extend({
  addAttributes() {
    return withUnrenderedColumnWidth(this.parent?.() ?? {});
  },
});

/** Tiptap's header cell, with column widths kept in the document but never written into the HTML. */
export const ArticleTableHeader = TableHeader.extend({
  addAttributes() {
    return withUnrenderedColumnWidth(this.parent?.() ?? {});
  },
});

function withUnrenderedColumnWidth(attributes: Attributes): Attributes {
  return { ...attributes, colwidth: { ...attributes.colwidth, default: null, rendered: false } };
}

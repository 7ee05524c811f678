import { mergeAttributes } from '@tiptap/core';
import { Table } from '@tiptap/extension-table';

/**
 * Tiptap's table without column resizing, rendered as a plain `<table><tbody>…</tbody></table>`:
 * no `<colgroup>` and no inline widths, so the reader site's stylesheet decides how wide it is.
 */
export const ArticleTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ['table', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ['tbody', 0]];
  },
});

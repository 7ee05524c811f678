import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { articleExtensions } from './extensions';

const extensions = articleExtensions();

/** Renders a validated article document to HTML on the server, with the editor's own extension list. */
export function renderArticleHtml(doc: JSONContent): string {
  return renderToHTMLString({ content: doc, extensions });
}

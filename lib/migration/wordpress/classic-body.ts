import { autop } from './autop';
import type { BodyContext } from './body-context';
import { linkParagraph } from './html-text';
import { convertShortcodes } from './shortcodes';

const BARE_URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"'[\]]+)[ \t]*$/gm;
const PRE_BLOCK = /(<pre[\s>][\s\S]*?<\/pre>)/i;

/**
 * A classic-editor body as WordPress would show it: shortcodes converted, a URL alone on its line
 * turned into a link paragraph (WordPress would embed it), then autop's paragraphs and line breaks.
 */
export function classicToHtml(text: string, context: BodyContext): string {
  const kept: string[] = [];
  // Converted markup waits in a block-level placeholder so autop neither wraps nor breaks it.
  const keep = (html: string) => (html === '' ? '' : `<figure data-kept-markup="${kept.push(html) - 1}"></figure>`);
  // The "read more" and page-break markers split a post on WordPress's own pages; here the article is whole.
  const converted = convertShortcodes(text.replace(/<!--\s*(?:more|nextpage)\b[^>]*-->/gi, ''), context, keep)
    .split(PRE_BLOCK)
    .map((part) => (PRE_BLOCK.test(part) ? part : part.replace(BARE_URL_LINE, (_, url: string) => keep(linkParagraph(url)))))
    .join('');
  return autop(converted).replace(/<figure data-kept-markup="(\d+)"><\/figure>/g, (_, index: string) => kept[Number(index)]!);
}

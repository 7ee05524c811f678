import { parse } from '@wordpress/block-serialization-default-parser';
import type { BodyContext } from './body-context';
import { classicToHtml } from './classic-body';
import { escapeHtml, figureHtml, htmlToText, linkParagraph, readAttribute } from './html-text';

type Block = ReturnType<typeof parse>[number];

/** Blocks that only group others: their content is kept, nothing is lost. */
const CONTAINERS = new Set(['core/group', 'core/columns', 'core/column', 'core/list-item', 'core/buttons']);

/** Blocks with nothing to show on an article page. */
const SILENT = new Set(['core/footnotes', 'core/more', 'core/nextpage', 'core/spacer']);

/** Core blocks whose saved HTML is already the article's markup, less WordPress's classes. */
const PLAIN = new Set(['core/paragraph', 'core/heading', 'core/list', 'core/quote', 'core/preformatted', 'core/code', 'core/verse']);

const RENDERERS: Record<string, (block: Block, context: BodyContext) => string> = {
  'core/quote': (block, context) => withoutClasses(innerHtml(block, context)).replace(/<cite>([\s\S]*?)<\/cite>/gi, '<p>$1</p>'),
  'core/pullquote': pullQuote,
  'core/image': (block, context) => imageFigure(block.innerHTML, context, attachmentId(block)),
  'core/gallery': gallery,
  'core/table': table,
  'core/separator': () => '<hr>',
  'core/embed': (block) => {
    const url = typeof block.attrs?.url === 'string' ? block.attrs.url : htmlToText(block.innerHTML).split(' ')[0] ?? '';
    return url === '' ? '' : linkParagraph(url);
  },
  'core/html': (block) => block.innerHTML.trim(),
  'core/block': reusableBlock,
  'core/shortcode': (block, context) => classicToHtml(block.innerHTML, context),
};

/**
 * A block-editor body as HTML the paste cleaner reads: core blocks become their plain markup
 * (figures, a pull-quote aside, tables, rules, link paragraphs), footnote anchors become the
 * editor's footnote markers, classic stretches between blocks go through autop, and an unknown
 * block keeps its HTML and is named.
 */
export function blocksToHtml(content: string, context: BodyContext): string {
  const html = parse(content)
    .map((block) => renderBlock(block, context))
    .filter((part) => part !== '')
    .join('\n');
  return replaceFootnoteAnchors(html, context);
}

function renderBlock(block: Block, context: BodyContext): string {
  const name = block.blockName;
  if (name === null || name === 'core/freeform') return block.innerHTML.trim() === '' ? '' : classicToHtml(block.innerHTML, context);
  if (SILENT.has(name)) return '';
  // Before WordPress 5.6 each embed provider had its block (`core-embed/youtube`); they save what `core/embed` saves.
  const renderer = RENDERERS[name.startsWith('core-embed/') ? 'core/embed' : name];
  if (renderer) return renderer(block, context);
  if (PLAIN.has(name) || CONTAINERS.has(name)) return withoutClasses(innerHtml(block, context));
  context.warn(`Unknown block ${name}`);
  return innerHtml(block, context);
}

/** The block's saved HTML with its inner blocks rendered in their places. */
function innerHtml(block: Block, context: BodyContext): string {
  let next = 0;
  return block.innerContent
    .map((piece) => (piece === null ? renderBlock(block.innerBlocks[next++]!, context) : piece.trim()))
    .join('');
}

/** A reusable block is saved once, as its own post; each post that shows it holds only a reference. */
function reusableBlock(block: Block, context: BodyContext): string {
  const ref = block.attrs?.ref;
  const id = typeof ref === 'number' || typeof ref === 'string' ? String(ref) : '';
  const content = context.reusableBlocks?.get(id);
  if (content === undefined) {
    context.warn(`Reusable block ${id || 'without an id'} is not in the export; its place in the post is left empty`);
    return '';
  }
  const open = context.reusableBlocksOpen ?? [];
  if (open.includes(id)) {
    context.warn(`Reusable block ${id} holds itself; it is shown once`);
    return '';
  }
  const inner: BodyContext = { ...context, reusableBlocksOpen: [...open, id] };
  return parse(content)
    .map((part) => renderBlock(part, inner))
    .filter((part) => part !== '')
    .join('\n');
}

function withoutClasses(html: string): string {
  return html.replace(/\sclass="[^"]*"/g, '');
}

function attachmentId(block: Block): string | undefined {
  const id = block.attrs?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

function imageFigure(html: string, context: BodyContext, id: string | undefined): string {
  const image = /<img\b[^>]*>/i.exec(html)?.[0];
  const attachment = id === undefined ? undefined : context.attachments.get(id);
  const src = (image && readAttribute(image, 'src')) || attachment?.url;
  if (!src) return '';
  const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1];
  return figureHtml({
    src,
    alt: (image && readAttribute(image, 'alt')) || attachment?.alt || '',
    width: image && readAttribute(image, 'width'),
    height: image && readAttribute(image, 'height'),
    // An image block shows only the caption saved with it, not the library's.
    captionHtml: caption === undefined ? '' : withoutClasses(caption),
  });
}

/** Today's galleries hold image blocks; older ones list their images in `ids` and a `<ul>`. */
function gallery(block: Block, context: BodyContext): string {
  if (block.innerBlocks.length > 0) return block.innerBlocks.map((inner) => renderBlock(inner, context)).join('\n');
  const ids: unknown[] = Array.isArray(block.attrs?.ids) ? block.attrs.ids : [];
  if (ids.length > 0) {
    return ids
      .map((id) => {
        const attachment = context.attachments.get(String(id));
        if (!attachment) context.warn(`Gallery image ${String(id)} is not in the export`);
        return attachment ? figureHtml({ src: attachment.url, alt: attachment.alt, captionHtml: escapeHtml(attachment.caption) }) : '';
      })
      .join('\n');
  }
  const items = block.innerHTML.match(/<li\b[\s\S]*?<\/li>/gi) ?? [];
  return items.map((item) => imageFigure(item, context, readAttribute(/<img\b[^>]*>/i.exec(item)?.[0] ?? '', 'data-id'))).join('\n');
}

function pullQuote(block: Block, context: BodyContext): string {
  const html = innerHtml(block, context);
  const cite = /<cite\b[^>]*>([\s\S]*?)<\/cite>/i.exec(html)?.[1];
  const quote = (/<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/i.exec(html)?.[1] ?? html).replace(/<cite\b[^>]*>[\s\S]*?<\/cite>/gi, '');
  const paragraphs = quote.match(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)?.map((p) => p.replace(/^<p\b[^>]*>|<\/p>$/gi, '').trim());
  const text = withoutClasses(paragraphs ? paragraphs.join(' ') : quote.trim());
  const attribution = cite === undefined ? '' : htmlToText(cite).replace(/^[\s—–-]+/, '');
  return `<aside class="pull-quote"><p>${text}</p>${attribution === '' ? '' : `<footer>— ${escapeHtml(attribution)}</footer>`}</aside>`;
}

/** Article tables have no caption: it becomes the paragraph above the table. */
function table(block: Block): string {
  const html = withoutClasses(block.innerHTML);
  const tableHtml = /<table\b[\s\S]*<\/table>/i.exec(html)?.[0] ?? '';
  const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1]?.trim();
  return `${caption ? `<p>${caption}</p>` : ''}${tableHtml}`;
}

/** WordPress keeps footnote text in post meta and marks each place with `<sup data-fn>`. */
function replaceFootnoteAnchors(html: string, context: BodyContext): string {
  if (!html.includes('data-fn=')) return html;
  const notes = readFootnotes(context);
  return html.replace(/<sup\b[^>]*\bdata-fn="([^"]+)"[^>]*>[\s\S]*?<\/sup>/gi, (_, id: string) => {
    const note = notes.get(id);
    if (note === undefined) {
      context.warn(`Footnote ${id} has no text in the export and was removed`);
      return '';
    }
    return `<sup class="footnote-ref" data-note="${escapeHtml(note)}">*</sup>`;
  });
}

function readFootnotes(context: BodyContext): Map<string, string> {
  const notes = new Map<string, string>();
  if (context.footnotes.trim() === '') return notes;
  try {
    const parsed: unknown = JSON.parse(context.footnotes);
    if (!Array.isArray(parsed)) return notes;
    for (const entry of parsed as { id?: unknown; content?: unknown }[]) {
      if (typeof entry?.id === 'string' && typeof entry.content === 'string') notes.set(entry.id, htmlToText(entry.content));
    }
  } catch {
    context.warn('The footnotes could not be read (their stored JSON is damaged)');
  }
  return notes;
}

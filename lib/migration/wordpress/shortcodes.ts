import type { BodyContext } from './body-context';
import { decodeEntities, escapeHtml, figureHtml, linkParagraph, readAttribute } from './html-text';

type Shortcode = { name: string; attributes: Record<string, string>; content: string | undefined };

/** Shortcodes that stand for media; the rest are a plugin's and are removed. */
const HANDLERS: Record<string, (shortcode: Shortcode, context: BodyContext) => string> = {
  caption: captionToFigure,
  wp_caption: captionToFigure,
  gallery: galleryToFigures,
  embed: (shortcode) => {
    const url = (shortcode.content ?? shortcode.attributes.src ?? '').trim();
    return url === '' ? '' : linkParagraph(url);
  },
};

const OPENING = /\[(\[?)([A-Za-z][\w-]*)((?:\s[^\]]*?)?)(\/?)\](\]?)/g;

/**
 * Replaces the shortcodes in a classic body: `[caption]` becomes a figure with its caption,
 * `[gallery]` a figure for each image, `[embed]` a link paragraph. Any other shortcode is removed,
 * keeping the text it encloses, and named through `context.warn`. Bracketed prose such as `[sic]`
 * is left alone: only a name with attributes, a closing tag, or a plugin-style name counts.
 * `keep` lets the caller shield the markup it gets from further processing (autop).
 */
export function convertShortcodes(text: string, context: BodyContext, keep: (html: string) => string = (html) => html): string {
  let output = '';
  let position = 0;
  const findClosing = closingTagFinder(text);
  // No match can end after the last `]`; searching past it would rescan the rest of the body for each `[` left open there.
  const searchable = text.slice(0, text.lastIndexOf(']') + 1);
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(searchable); match; match = OPENING.exec(searchable)) {
    const [whole, openEscape, rawName, rawAttributes, selfClosing, closeEscape] = match;
    const name = rawName!.toLowerCase();
    const start = match.index;
    const closingTag = `[/${rawName}]`;
    const closingAt = selfClosing ? -1 : findClosing({ name: rawName!, from: start + whole.length });
    const end = closingAt === -1 ? start + whole.length : closingAt + closingTag.length;
    if (openEscape && closeEscape) {
      output += text.slice(position, start) + whole.slice(1, -1);
      position = start + whole.length;
      OPENING.lastIndex = position;
      continue;
    }
    const handler = HANDLERS[name];
    const looksLikeShortcode = handler || rawAttributes!.trim() !== '' || closingAt !== -1 || /[-_]/.test(name);
    if (!looksLikeShortcode) continue;
    const content = closingAt === -1 ? undefined : text.slice(start + whole.length, closingAt);
    const shortcode: Shortcode = { name, attributes: parseAttributes(rawAttributes!), content };
    output += text.slice(position, start);
    if (handler) output += keep(handler(shortcode, context));
    else {
      context.warn(`Unknown shortcode [${name}] removed`);
      output += content === undefined ? '' : convertShortcodes(content, context, keep);
    }
    position = end;
    OPENING.lastIndex = end;
  }
  return output + text.slice(position);
}

/**
 * Finds `[/name]` at or after a position, as `text.indexOf` would, from one scan of the text for every
 * closing tag: searching the rest of a long body again for each bracketed word that is never closed took
 * time in the square of its length.
 */
function closingTagFinder(text: string): ({ name, from }: { name: string; from: number }) => number {
  const positions = new Map<string, number[]>();
  const closing = /\[\/([A-Za-z][\w-]*)\]/g;
  for (let match = closing.exec(text); match; match = closing.exec(text)) {
    const name = match[1]!;
    const found = positions.get(name);
    if (found) found.push(match.index);
    else positions.set(name, [match.index]);
  }
  return ({ name, from }) => {
    const found = positions.get(name);
    if (!found) return -1;
    // The first position at or after `from`, by halving: positions were found in order.
    let low = 0;
    let high = found.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (found[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return low < found.length ? found[low]! : -1;
  };
}

function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

function captionToFigure({ attributes, content }: Shortcode, context: BodyContext): string {
  const body = content ?? '';
  const image = /<img\b[^>]*>/i.exec(body)?.[0];
  // The older `caption="…"` form is saved inside the post's HTML, so its quotes and ampersands are entities.
  const captionText = attributes.caption === undefined ? undefined : decodeEntities(attributes.caption);
  if (!image) return escapeHtml(captionText ?? '') + body;
  const attachment = context.attachments.get((attributes.id ?? '').replace(/^attachment_/, ''));
  const withoutImage = body.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '');
  const captionHtml = captionText !== undefined ? escapeHtml(captionText) : withoutImage.trim();
  return figureHtml({
    src: readAttribute(image, 'src') ?? attachment?.url ?? '',
    alt: readAttribute(image, 'alt') || attachment?.alt || '',
    width: readAttribute(image, 'width'),
    height: readAttribute(image, 'height'),
    captionHtml,
  });
}

function galleryToFigures({ attributes }: Shortcode, context: BodyContext): string {
  const listed = (attributes.ids ?? attributes.include ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  const ids = listed.length > 0 ? listed : [...context.attachments.values()].filter((a) => a.parentId === context.postId).map((a) => a.id);
  return ids
    .map((id) => {
      const attachment = context.attachments.get(id);
      if (!attachment) {
        context.warn(`Gallery image ${id} is not in the export`);
        return '';
      }
      return figureHtml({ src: attachment.url, alt: attachment.alt, captionHtml: escapeHtml(attachment.caption) });
    })
    .join('');
}

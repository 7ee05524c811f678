import { escapeHtml } from '@/lib/readers/mail/escape-html';

/** Receives what a body renderer dropped or changed, in a sentence for the import report. */
export type Warn = (message: string) => void;

export type CardImage = { src?: unknown; alt?: unknown; caption?: unknown; width?: unknown; height?: unknown; [field: string]: unknown };

/** A body Ghost stores as a JSON string (Lexical, Mobiledoc); undefined when empty or unreadable, which is reported. */
export function parseBody(source: unknown, format: string, warn: Warn): unknown {
  if (typeof source !== 'string') return source;
  if (!source.trim()) return undefined;
  try {
    return JSON.parse(source);
  } catch {
    warn(`The ${format} body is not valid JSON and was left empty`);
    return undefined;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One image as a figure; Ghost keeps captions as HTML, so they pass to the cleaner as they are. */
export function figureHtml(image: CardImage, extraCaption = ''): string {
  const src = text(image.src).trim();
  if (!src) return '';
  const size = ['width', 'height']
    .map((name) => {
      const value = image[name as 'width' | 'height'];
      return typeof value === 'number' && value > 0 ? ` ${name}="${Math.round(value)}"` : '';
    })
    .join('');
  const caption = [text(image.caption).trim(), extraCaption.trim()].filter(Boolean).join(' ');
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(text(image.alt))}"${size}>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** A gallery becomes its figures in order; the gallery's own caption joins the last one's. */
export function galleryHtml(images: unknown, caption: unknown): string {
  const list = Array.isArray(images) ? (images as CardImage[]).filter((image) => text(image?.src).trim()) : [];
  return list.map((image, index) => figureHtml(image, index === list.length - 1 ? text(caption) : '')).join('');
}

/** Embeds and bookmarks: their players and previews do not survive, a link to what they showed does. */
export function linkParagraph(url: unknown, title: unknown): string {
  const href = text(url).trim();
  if (!href) return '';
  return `<p><a href="${escapeHtml(href)}">${escapeHtml(text(title).trim() || href)}</a></p>`;
}

export function embedHtml(url: unknown, title: unknown, warn: Warn): string {
  if (text(url).trim()) warn(`Embedded player for ${text(url).trim()} kept as a link`);
  return linkParagraph(url, title);
}

/** HTML passes to the cleaner; what the cleaner will remove is named now, with the item. */
export function htmlCard(html: unknown, warn: Warn, holder = 'HTML card'): string {
  const source = text(html);
  for (const tag of ['script', 'iframe', 'object', 'embed', 'video', 'audio']) {
    if (new RegExp(`<${tag}[\\s>/]`, 'i').test(source)) warn(`${holder} holds <${tag}>, which will be dropped`);
  }
  return source;
}

export function codeHtml(code: unknown): string {
  return text(code) ? `<pre><code>${escapeHtml(text(code))}</code></pre>` : '';
}

const wrapParagraph = (html: string) => (/^\s*<(p|h[1-6]|ul|ol|blockquote|figure|pre|div)[\s>]/i.test(html) ? html : `<p>${html}</p>`);

export function calloutHtml(emoji: unknown, calloutText: unknown): string {
  const body = text(calloutText).trim();
  if (!body) return '';
  const prefix = text(emoji).trim();
  const paragraph = wrapParagraph(body);
  return `<blockquote>${prefix ? paragraph.replace(/^(\s*<p[^>]*>)/i, `$1${escapeHtml(prefix)} `) : paragraph}</blockquote>`;
}

export function toggleHtml(heading: unknown, content: unknown): string {
  const title = text(heading).replace(/<[^>]*>/g, '').trim();
  return `${title ? `<p><strong>${title}</strong></p>` : ''}${text(content).trim() ? wrapParagraph(text(content).trim()) : ''}`;
}

/** A header card: its heading, the line under it, and its button when it shows one. */
export function headerHtml(card: Record<string, unknown>): string {
  const heading = htmlToPlainText(card.header);
  const subheading = htmlToPlainText(card.subheader);
  return [
    heading ? `<h2>${escapeHtml(heading)}</h2>` : '',
    subheading ? `<p>${escapeHtml(subheading)}</p>` : '',
    card.buttonEnabled === true ? linkParagraph(card.buttonUrl, card.buttonText) : '',
  ].join('');
}

/** A product card: its picture, name, words, star rating and button, as the article's own blocks. */
export function productHtml(card: Record<string, unknown>): string {
  const name = htmlToPlainText(card.productTitle);
  const description = text(card.productDescription).trim();
  const stars = card.productStarRating;
  const isRated = card.productRatingEnabled === true && typeof stars === 'number' && Number.isInteger(stars) && stars >= 1 && stars <= 5;
  return [
    figureHtml({ src: card.productImageSrc, alt: name, width: card.productImageWidth, height: card.productImageHeight }),
    name ? `<h3>${escapeHtml(name)}</h3>` : '',
    description ? wrapParagraph(description) : '',
    isRated ? `<p>Rated ${stars} out of 5</p>` : '',
    card.productButtonEnabled === true ? linkParagraph(card.productUrl, card.productButton) : '',
  ].join('');
}

/** A file card: a link to the file, which stays on the old site until someone copies it here. */
export function fileHtml({ src, title, caption, fileName }: { src: unknown; title: unknown; caption: unknown; fileName: unknown }, warn: Warn): string {
  const href = text(src).trim();
  if (!href) return '';
  const name = text(fileName).trim() || href.slice(href.lastIndexOf('/') + 1);
  warn(`The file ${name} is kept as a link to ${href} on the old site; copy the file here and change the link`);
  const captionText = htmlToPlainText(caption);
  return `${linkParagraph(href, htmlToPlainText(title) || name)}${captionText ? `<p>${escapeHtml(captionText)}</p>` : ''}`;
}

/** An audio or video card: the player has no place here; its title or caption stays, and the file is named. */
export function playerHtml(kind: 'audio' | 'video', card: Record<string, unknown>, warn: Warn): string {
  warn(`The ${kind} ${text(card.src).trim() || 'without an address'} was left out, as articles here hold no players; put it on an audio or video host and link to it`);
  const words = kind === 'audio' ? htmlToPlainText(card.title) : text(card.caption).trim();
  if (!words) return '';
  return kind === 'audio' ? `<p>${escapeHtml(words)}</p>` : wrapParagraph(words);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** The common named entities back to characters, so escaping again later does not double them. */
export function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Ghost's captions and alt texts hold HTML; a featured image wants the words. */
export function htmlToPlainText(html: unknown): string {
  return decodeEntities(text(html).replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const inlineMarkdown = (line: string) =>
  escapeHtml(line)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_([^_]+)_/g, '$1<em>$2</em>');

/** A plain reading of a markdown card: headings, lists, quotes, code fences and paragraphs, inline links and emphasis. */
export function markdownHtml(markdown: unknown): string {
  const blocks = text(markdown).replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n');
      const heading = /^(#{1,6})\s+(.*)$/.exec(block);
      if (heading && lines.length === 1) return `<h${heading[1]!.length}>${inlineMarkdown(heading[2]!)}</h${heading[1]!.length}>`;
      if (block.startsWith('```')) return codeHtml(block.replace(/^```[^\n]*\n?/, '').replace(/\n?```$/, ''));
      if (lines.every((line) => /^[-*+]\s/.test(line))) return `<ul>${lines.map((line) => `<li>${inlineMarkdown(line.replace(/^[-*+]\s+/, ''))}</li>`).join('')}</ul>`;
      if (lines.every((line) => /^\d+[.)]\s/.test(line))) return `<ol>${lines.map((line) => `<li>${inlineMarkdown(line.replace(/^\d+[.)]\s+/, ''))}</li>`).join('')}</ol>`;
      if (lines.every((line) => line.startsWith('>'))) return `<blockquote><p>${lines.map((line) => inlineMarkdown(line.replace(/^>\s?/, ''))).join('<br>')}</p></blockquote>`;
      return `<p>${lines.map(inlineMarkdown).join('<br>')}</p>`;
    })
    .join('');
}

/**
 * A Ghost card as HTML, whichever editor stored it: Lexical's card nodes carry the same fields as
 * Mobiledoc's card payloads. Undefined for a card this does not know.
 */
export function cardHtml(name: string, card: Record<string, unknown>, warn: Warn): string | undefined {
  const title = (card.metadata as { title?: unknown } | undefined)?.title;
  switch (name) {
    case 'image':
      return figureHtml(card);
    case 'gallery':
      return galleryHtml(card.images, card.caption);
    case 'html':
      return htmlCard(card.html, warn);
    case 'markdown':
    case 'card-markdown':
      return markdownHtml(card.markdown);
    case 'hr':
    case 'horizontalrule':
      return '<hr>';
    case 'embed':
      return embedHtml(card.url, title, warn);
    case 'bookmark':
      return linkParagraph(card.url, title);
    case 'button':
      return linkParagraph(card.buttonUrl, card.buttonText);
    case 'code':
    case 'codeblock':
      return codeHtml(card.code);
    case 'callout':
      return calloutHtml(card.calloutEmoji, card.calloutText);
    case 'toggle':
      return toggleHtml(card.heading, card.content);
    case 'header':
      return headerHtml(card);
    case 'product':
      return productHtml(card);
    case 'audio':
    case 'video':
      return playerHtml(name, card, warn);
    case 'file':
      return fileHtml({ src: card.src, title: card.fileTitle, caption: card.fileCaption, fileName: card.fileName }, warn);
    // Ghost's members' preview divider: a members-only post is imported as a draft anyway.
    case 'paywall':
    // Shown only in the newsletter sent for the post, never on its page.
    case 'email':
    case 'email-cta':
      return '';
    default:
      return undefined;
  }
}

import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { articleSchema } from './article-schema';
import { cleanPastedHtml } from './clean-pasted-html';
import { isAllowedHref } from './is-allowed-href';
import { queryAllInOrder } from './query-all-in-order';
import { validateArticleDoc } from './validate-article-doc';

/** An image from the media library standing in for an `<img src>` of the source. */
export type ResolvedImage = {
  mediaId: number;
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
};

export type HtmlToArticleDocOptions = {
  /** The library copy of an image, or null when it cannot be had (its figure is then left out). */
  resolveImage?: (src: string) => ResolvedImage | null;
  onDropped?: (description: string) => void;
};

/** Removed with everything inside them, and named in the report. */
const NAMED_DROPS: Record<string, string> = {
  script: 'a script',
  iframe: 'an embedded frame',
  frame: 'an embedded frame',
  object: 'an embedded object',
  embed: 'an embedded object',
  applet: 'an embedded object',
  video: 'a video',
  audio: 'an audio player',
  form: 'a form',
  canvas: 'a canvas',
  svg: 'an SVG drawing',
};

let window: Window | null = null;

/**
 * The one server-side window of the process, in which nothing loads, runs or renders. Each conversion
 * parses into a template of its own that is never attached, so nothing of it outlives the conversion;
 * a fresh window per batch would cost more time and memory than it frees.
 */
function serverDocument(): Document {
  window ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  return window.document as unknown as Document;
}

/** The last HTML listed for its images, parsed: the conversion of the same body that follows reads it once, not twice. */
let lastListed: { html: string; template: HTMLTemplateElement } | null = null;

/** A parse of the HTML no one else holds: the one `listImages` left, if it was of this HTML, or a new one. */
function takeParsed(html: string, document: Document): HTMLTemplateElement {
  const listed = lastListed;
  lastListed = null;
  return listed && listed.html === html ? listed.template : parse(html, document);
}

/** The images of the HTML, in order, each address once, with the alt text and caption the source gave it. */
export function listImages(html: string): { src: string; alt: string; caption: string }[] {
  const template = parse(html, serverDocument());
  lastListed = { html, template };
  const images = new Map<string, { src: string; alt: string; caption: string }>();
  for (const image of queryAllInOrder(template.content, 'img')) {
    const src = (image.getAttribute('src') ?? '').trim();
    if (src === '' || images.has(src)) continue;
    const caption = image.closest('figure')?.querySelector('figcaption')?.textContent ?? '';
    images.set(src, { src, alt: (image.getAttribute('alt') ?? '').trim(), caption: caption.replace(/\s+/g, ' ').trim() });
  }
  return [...images.values()];
}

/** The `<img src>` addresses in the HTML, in order, each once: what the media step resolves before conversion. */
export function listImageSources(html: string): string[] {
  return listImages(html).map((image) => image.src);
}

/**
 * Turns HTML from another system into an article document. The HTML is not trusted: scripts, frames
 * and forms go (and are named), images become figures only through the media library, every other
 * element goes through the paste cleaner and the article schema, and the result is validated.
 * Throws when the document cannot be made valid, naming why.
 */
export function htmlToArticleDoc(html: string, { resolveImage = () => null, onDropped }: HtmlToArticleDocOptions = {}): { doc: JSONContent; dropped: string[] } {
  return convert(html, serverDocument(), { resolveImage, onDropped });
}

function convert(
  html: string,
  document: Document,
  { resolveImage, onDropped }: { resolveImage: (src: string) => ResolvedImage | null; onDropped?: (description: string) => void },
): { doc: JSONContent; dropped: string[] } {
  const dropped: string[] = [];
  const drop = (description: string) => {
    dropped.push(description);
    onDropped?.(description);
  };
  const template = takeParsed(html, document);
  const root = template.content;

  for (const element of queryAllInOrder(root, Object.keys(NAMED_DROPS).join(','))) {
    if (!root.contains(element)) continue;
    const src = (element.getAttribute('src') ?? element.getAttribute('data') ?? '').trim();
    drop(src ? `${NAMED_DROPS[element.localName]} (${src})` : NAMED_DROPS[element.localName]!);
    element.remove();
  }
  for (const link of queryAllInOrder(root, 'a[href]')) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href !== '' && !isAllowedHref(href)) drop(`a link to ${href.slice(0, 200)}`);
  }
  // Markup the editor itself would trust (tagged mentions, library figures) is not the source's to claim.
  for (const element of queryAllInOrder(root, '[data-entity-id], [data-media-id], [data-pm-slice]')) {
    for (const name of ['data-entity-id', 'data-media-id', 'data-pm-slice', 'class']) element.removeAttribute(name);
  }
  for (const image of queryAllInOrder(root, 'img')) placeImage(image, { resolveImage, drop });

  const cleaned = cleanPastedHtml(template.innerHTML, document);
  const parsed = parse(cleaned, document);
  const json = ProseMirrorDOMParser.fromSchema(articleSchema())
    .parse(parsed.content as unknown as Node)
    .toJSON() as JSONContent;
  const validation = validateArticleDoc(json);
  if (!validation.ok) throw new Error(`The body cannot be imported: ${validation.message}`);
  return { doc: validation.doc, dropped };
}

function parse(html: string, document: Document): HTMLTemplateElement {
  // A template's content is inert: nothing in it loads or runs while it is read.
  const template = document.createElement('template');
  template.innerHTML = typeof html === 'string' ? html : '';
  return template;
}

function placeImage(image: Element, { resolveImage, drop }: { resolveImage: (src: string) => ResolvedImage | null; drop: (description: string) => void }): void {
  const src = (image.getAttribute('src') ?? '').trim();
  const resolved = src === '' ? null : resolveImage(src);
  const figure = image.closest('figure');
  if (!resolved) {
    drop(src === '' ? 'an image without an address' : `the image ${src.slice(0, 300)}`);
    (figure ?? image).remove();
    return;
  }
  const document = image.ownerDocument;
  const alt = (image.getAttribute('alt') ?? '').trim() || resolved.alt;
  for (const attribute of Array.from(image.attributes)) image.removeAttribute(attribute.name);
  image.setAttribute('src', resolved.src);
  if (resolved.srcset) image.setAttribute('srcset', resolved.srcset);
  image.setAttribute('alt', alt);
  image.setAttribute('width', String(resolved.width));
  image.setAttribute('height', String(resolved.height));
  let holder = figure;
  if (!holder) {
    holder = document.createElement('figure');
    image.replaceWith(holder);
    holder.append(image);
  }
  holder.setAttribute('data-media-id', String(resolved.mediaId));
  const caption = holder.querySelector('figcaption');
  if (!caption && resolved.caption) {
    const figcaption = document.createElement('figcaption');
    figcaption.textContent = resolved.caption;
    holder.append(figcaption);
  }
}

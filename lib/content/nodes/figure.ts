import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { isAllowedImageSrc } from '../is-allowed-image-src';
import { isAllowedSrcset } from '../is-allowed-srcset';

export const FIGURE_IMAGE_SIZES = '(min-width: 48rem) 42rem, 100vw';
export const MAX_ALT_LENGTH = 300;

export type FigureOptions = {
  /** Extra HTML attributes for the rendered `<figure>`. */
  HTMLAttributes: Record<string, string>;
};

export type FigureAttributes = {
  src: string;
  mediaId?: number | null;
  srcset?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number | null;
  height?: number | null;
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts an image with its caption and credit at the cursor. */
      setFigure: (attributes: FigureAttributes) => ReturnType;
    };
  }
}

/**
 * An image with optional caption and credit, rendered as
 * `<figure class="figure"><img …><figcaption>caption <span class="credit">credit</span></figcaption></figure>`.
 * Pasted `<figure>`s and bare `<img>`s become figures when their address is one an article may use.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      mediaId: {
        default: null,
        rendered: false,
        parseHTML: (element) => readPositiveInteger(element.getAttribute('data-media-id')),
      },
      src: {
        default: undefined,
        isRequired: true,
        rendered: false,
        parseHTML: (element) => imageIn(element)?.getAttribute('src') ?? '',
      },
      srcset: {
        default: '',
        rendered: false,
        parseHTML: (element) => {
          const srcset = imageIn(element)?.getAttribute('srcset')?.trim() ?? '';
          return isAllowedSrcset(srcset) ? srcset : '';
        },
      },
      alt: {
        default: '',
        rendered: false,
        parseHTML: (element) => (imageIn(element)?.getAttribute('alt') ?? '').trim().slice(0, MAX_ALT_LENGTH),
      },
      caption: {
        default: '',
        rendered: false,
        parseHTML: (element) => readCaption(element),
      },
      credit: {
        default: '',
        rendered: false,
        parseHTML: (element) => element.querySelector('figcaption .credit')?.textContent?.trim() ?? '',
      },
      width: {
        default: null,
        rendered: false,
        parseHTML: (element) => readPositiveInteger(imageIn(element)?.getAttribute('width')),
      },
      height: {
        default: null,
        rendered: false,
        parseHTML: (element) => readPositiveInteger(imageIn(element)?.getAttribute('height')),
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (element) => (hasAllowedImage(element) ? null : false) },
      { tag: 'img[src]', getAttrs: (element) => (hasAllowedImage(element) ? null : false) },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as Required<FigureAttributes>;
    const figureAttributes = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      class: 'figure',
      'data-media-id': attrs.mediaId ?? null,
    });
    const hasSrcset = typeof attrs.srcset === 'string' && attrs.srcset.trim() !== '';
    const image: DOMOutputSpec = [
      'img',
      {
        src: attrs.src,
        srcset: hasSrcset ? attrs.srcset : null,
        sizes: hasSrcset ? FIGURE_IMAGE_SIZES : null,
        alt: attrs.alt ?? '',
        width: attrs.width ?? null,
        height: attrs.height ?? null,
        loading: 'lazy',
        decoding: 'async',
      },
    ];
    const caption = figcaption(attrs.caption ?? '', attrs.credit ?? '');
    return caption ? ['figure', figureAttributes, image, caption] : ['figure', figureAttributes, image];
  },

  addCommands() {
    return {
      setFigure:
        (attributes) =>
        ({ commands }) => {
          if (!isAllowedImageSrc(attributes.src)) return false;
          return commands.insertContent({ type: this.name, attrs: attributes });
        },
    };
  },
});

function figcaption(caption: string, credit: string): DOMOutputSpec | null {
  const text = trimFoldedSpace(caption);
  const by = trimFoldedSpace(credit);
  if (text === '' && by === '') return null;
  if (by === '') return ['figcaption', {}, text];
  const creditSpan: DOMOutputSpec = ['span', { class: 'credit' }, by];
  if (text === '') return ['figcaption', {}, creditSpan];
  return ['figcaption', {}, `${text} `, creditSpan];
}

/** Trims only the whitespace HTML folds away anyway; a no-break or zero-width space the writer stored stays. */
function trimFoldedSpace(text: string): string {
  return text.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

function imageIn(element: HTMLElement): HTMLImageElement | null {
  if (element.tagName === 'IMG') return element as HTMLImageElement;
  return element.querySelector('img');
}

function hasAllowedImage(element: HTMLElement): boolean {
  const src = imageIn(element)?.getAttribute('src');
  return typeof src === 'string' && isAllowedImageSrc(src);
}

function readCaption(element: HTMLElement): string {
  const figcaptionElement = element.querySelector('figcaption');
  if (!figcaptionElement) return '';
  const copy = figcaptionElement.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.credit').forEach((credit) => credit.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function readPositiveInteger(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,6}$/.test(value.trim())) return null;
  const number = Number.parseInt(value, 10);
  return number > 0 ? number : null;
}

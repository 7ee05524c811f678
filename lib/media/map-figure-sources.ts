import type { JSONContent } from '@tiptap/core';

/**
 * A copy of a rich-text document with every figure's image addresses (`src` and each `srcset`
 * candidate) passed through `map`; everything else is left as it is.
 */
export function mapFigureSources(doc: JSONContent, map: (address: string) => string): JSONContent {
  const attrs = doc.type === 'figure' && doc.attrs ? mapAttributes(doc.attrs, map) : doc.attrs;
  const content = doc.content?.map((child) => mapFigureSources(child, map));
  return { ...doc, ...(attrs ? { attrs } : {}), ...(content ? { content } : {}) };
}

function mapAttributes(attrs: Record<string, unknown>, map: (address: string) => string): Record<string, unknown> {
  const src = typeof attrs.src === 'string' ? map(attrs.src) : attrs.src;
  const srcset = typeof attrs.srcset === 'string' ? mapSrcset(attrs.srcset, map) : attrs.srcset;
  return { ...attrs, src, srcset };
}

function mapSrcset(srcset: string, map: (address: string) => string): string {
  if (srcset.trim() === '') return srcset;
  return srcset
    .split(',')
    .map((candidate) => {
      const [address = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [map(address), ...descriptors].join(' ');
    })
    .join(', ');
}

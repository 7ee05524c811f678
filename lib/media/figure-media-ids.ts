import type { JSONContent } from '@tiptap/core';
import { mapFigureSources } from './map-figure-sources';
import { parseMediaPath } from './parse-media-path';

/** The media library images a document's figures show, by the addresses a browser would load. */
export function figureMediaIds(doc: JSONContent): Set<number> {
  const ids = new Set<number>();
  mapFigureSources(doc, (address) => {
    const path = parseMediaPath(address);
    if (path) ids.add(path.mediaId);
    return address;
  });
  return ids;
}

import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { mapFigureSources } from './map-figure-sources';
import { mediaFileUrl } from './media-view';
import { parseMediaPath } from './parse-media-path';

/**
 * The document as readers get it: each figure from the media library points at the image's current
 * address, whatever form was stored (older articles hold `/api/media/<id>/…`).
 */
export function withPublicMediaAddresses(doc: JSONContent): JSONContent {
  return mapFigureSources(doc, (address) => {
    const path = parseMediaPath(address);
    return path ? mediaFileUrl({ id: path.mediaId, storedPath: path.fileName }) : address;
  });
}

import * as Y from 'yjs';
import { COLLAB_FIELD } from '@/lib/collab/article-ydoc';

/** An update that appends `text` to the first paragraph of a shared document given as its base64 state. */
export function appendText(state: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  const before = Y.encodeStateVector(doc);
  const textNode = (doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  textNode.insert(textNode.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

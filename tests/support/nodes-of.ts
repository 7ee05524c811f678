import type { JSONContent } from '@tiptap/core';

/** Every node of `type` in a stored document, in document order. */
export function nodesOf(doc: JSONContent, type: string): JSONContent[] {
  const found: JSONContent[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === type) found.push(node);
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
}

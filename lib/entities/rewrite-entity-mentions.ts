import type { JSONContent } from '@tiptap/core';
import { isEntityMentionOf } from './is-entity-mention-of';

/**
 * Points every `entityMention` of one entity at another; the text as written (`label`) and the
 * `kind` stay. Untouched branches keep their identity, so `count === 0` means `doc` came back as is.
 */
export function rewriteEntityMentions({ doc, fromId, toId }: { doc: JSONContent; fromId: number; toId: number }): { doc: JSONContent; count: number } {
  let count = 0;
  const visit = (node: JSONContent): JSONContent => {
    if (isEntityMentionOf({ node, entityId: fromId })) {
      count += 1;
      return { ...node, attrs: { ...node.attrs, entityId: toId } };
    }
    if (!node.content) return node;
    const content = node.content.map(visit);
    return content.some((child, index) => child !== node.content![index]) ? { ...node, content } : node;
  };
  return { doc: visit(doc), count };
}

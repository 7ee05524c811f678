import type { JSONContent } from '@tiptap/core';
import { isEntityMentionOf } from './is-entity-mention-of';

/** How many `entityMention` nodes in the document refer to the entity. */
export function countEntityMentions({ doc, entityId }: { doc: JSONContent; entityId: number }): number {
  let count = 0;
  const visit = (node: JSONContent): void => {
    if (isEntityMentionOf({ node, entityId })) count += 1;
    node.content?.forEach(visit);
  };
  visit(doc);
  return count;
}

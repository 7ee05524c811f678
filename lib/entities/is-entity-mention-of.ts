import type { JSONContent } from '@tiptap/core';

/** Whether the node is an `entityMention` (the content schema's inline atom) of this entity. */
export function isEntityMentionOf({ node, entityId }: { node: JSONContent; entityId: number }): boolean {
  return node.type === 'entityMention' && Number(node.attrs?.entityId) === entityId;
}

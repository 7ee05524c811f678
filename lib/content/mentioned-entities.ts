import type { JSONContent } from '@tiptap/core';

/** Each entity tagged in the text, with the words of its first mention, in order of appearance. */
export function mentionedEntities(doc: JSONContent): { entityId: number; label: string }[] {
  const found = new Map<number, string>();
  const visit = (node: JSONContent) => {
    if (node.type === 'entityMention') {
      const entityId = Number(node.attrs?.entityId);
      if (Number.isInteger(entityId) && entityId > 0 && !found.has(entityId)) found.set(entityId, String(node.attrs?.label ?? ''));
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...found].map(([entityId, label]) => ({ entityId, label }));
}

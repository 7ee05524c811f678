import type { JSONContent } from '@tiptap/core';
import { compileAliasMatcher } from '@/lib/entities/alias-matcher';

type TaggedEntity = { id: number; kind: string; names: string[] };

/**
 * Turns the first place the text names each tagged entity into a mention of it, as a writer
 * accepting the editor's suggestions would (or every place, as a writer tagging by hand may).
 * Entities the text never names stay tags only.
 */
export function tagFirstMentions({ doc, tagged, isEveryMentionTagged = false }: { doc: JSONContent; tagged: TaggedEntity[]; isEveryMentionTagged?: boolean }): JSONContent {
  const matcher = compileAliasMatcher(tagged.flatMap((entity) => entity.names.map((alias) => ({ entityId: entity.id, alias }))));
  const kinds = new Map(tagged.map((entity) => [entity.id, entity.kind]));
  const done = new Set<number>();
  const visit = (node: JSONContent): JSONContent => {
    if (!node.content) return node;
    const content: JSONContent[] = [];
    for (const child of node.content) {
      if (child.type !== 'text' || !child.text || child.marks?.some((mark) => mark.type === 'link')) {
        content.push(visit(child));
        continue;
      }
      let last = 0;
      for (const match of matcher.match(child.text)) {
        const entityId = match.entityIds.find((id) => isEveryMentionTagged || !done.has(id));
        if (entityId === undefined || match.entityIds.length > 1) continue;
        done.add(entityId);
        if (match.start > last) content.push({ ...child, text: child.text.slice(last, match.start) });
        content.push({ type: 'entityMention', attrs: { entityId, kind: kinds.get(entityId), label: match.text }, ...(child.marks ? { marks: child.marks } : {}) });
        last = match.end;
      }
      if (last < child.text.length) content.push({ ...child, text: child.text.slice(last) });
    }
    return { ...node, content };
  };
  return visit(doc);
}

import { mergeAttributes, Node } from '@tiptap/core';

export type MembersStartOptions = {
  /** Extra HTML attributes for the rendered marker. */
  HTMLAttributes: Record<string, string>;
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    membersStart: {
      /** Puts the "members' content starts here" marker before the current block, moving an earlier one. */
      setMembersStart: () => ReturnType;
    };
  }
}

export const MEMBERS_START_LABEL = 'Members’ content starts here';

/**
 * Where a gated article's public part ends: what comes before it is shown to everyone, what comes after
 * only to readers with access. An empty block of its own, at the top level of the text, at most once.
 */
export const MembersStart = Node.create<MembersStartOptions>({
  name: 'membersStart',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    return [{ tag: 'div[data-members-start]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-members-start': '', class: 'members-start', role: 'separator' }), MEMBERS_START_LABEL];
  },

  addCommands() {
    return {
      setMembersStart:
        () =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes[this.name];
          if (!type) return false;
          const { $from } = state.selection;
          // Before the top-level block the cursor is in: the marker lives only between top-level blocks.
          const position = $from.depth === 0 ? $from.pos : $from.before(1);
          if (dispatch) {
            const earlier: number[] = [];
            state.doc.forEach((child, offset) => {
              if (child.type === type) earlier.push(offset);
            });
            tr.insert(position, type.create());
            for (const offset of earlier.reverse()) {
              const mapped = tr.mapping.map(offset);
              tr.delete(mapped, mapped + 1);
            }
            dispatch(tr);
          }
          return true;
        },
    };
  },
});

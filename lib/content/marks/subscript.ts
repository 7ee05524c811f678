import { Mark, mergeAttributes } from '@tiptap/core';

export type SubscriptOptions = {
  /** Extra HTML attributes for the rendered `<sub>`. */
  HTMLAttributes: Record<string, string>;
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    subscript: {
      setSubscript: () => ReturnType;
      toggleSubscript: () => ReturnType;
      unsetSubscript: () => ReturnType;
    };
  }
}

/** Lowered text such as the 2 in CO₂; never combined with superscript. */
export const Subscript = Mark.create<SubscriptOptions>({
  name: 'subscript',

  // Listing both names keeps the mark exclusive with itself as well as with superscript.
  excludes: 'subscript superscript',

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    return [
      { tag: 'sub' },
      {
        style: 'vertical-align',
        consuming: false,
        getAttrs: (value) => (typeof value === 'string' && value.trim().toLowerCase() === 'sub' ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['sub', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setSubscript:
        () =>
        ({ commands }) =>
          commands.setMark(this.name),
      toggleSubscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
      unsetSubscript:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-,': () => this.editor.commands.toggleSubscript(),
    };
  },
});

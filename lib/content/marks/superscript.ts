import { Mark, mergeAttributes } from '@tiptap/core';

export type SuperscriptOptions = {
  /** Extra HTML attributes for the rendered `<sup>`. */
  HTMLAttributes: Record<string, string>;
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    superscript: {
      setSuperscript: () => ReturnType;
      toggleSuperscript: () => ReturnType;
      unsetSuperscript: () => ReturnType;
    };
  }
}

/** Raised text such as the th in 19th or an exponent; never combined with subscript. */
export const Superscript = Mark.create<SuperscriptOptions>({
  name: 'superscript',

  // Listing both names keeps the mark exclusive with itself as well as with subscript.
  excludes: 'subscript superscript',

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    return [
      { tag: 'sup' },
      {
        style: 'vertical-align',
        consuming: false,
        getAttrs: (value) => (typeof value === 'string' && value.trim().toLowerCase() === 'super' ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setSuperscript:
        () =>
        ({ commands }) =>
          commands.setMark(this.name),
      toggleSuperscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
      unsetSuperscript:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-.': () => this.editor.commands.toggleSuperscript(),
    };
  },
});

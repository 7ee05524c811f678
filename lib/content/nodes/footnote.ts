import { mergeAttributes, Node } from '@tiptap/core';

export const MAX_FOOTNOTE_LENGTH = 2000;

export type FootnoteOptions = {
  /** Extra HTML attributes for the marker shown in the editor. */
  HTMLAttributes: Record<string, string>;
};

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote marker holding `note` at the cursor. */
      insertFootnote: (note: string) => ReturnType;
    };
  }
}

/**
 * A note attached at a point in the text. The editor shows a small `*` marker carrying the note;
 * the article renderer numbers the markers and lists the notes at the end.
 */
export const Footnote = Node.create<FootnoteOptions>({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      note: {
        default: '',
        rendered: false,
        parseHTML: (element) => element.getAttribute('data-note') ?? '',
      },
    };
  },

  parseHTML() {
    // Ahead of the superscript mark, which would otherwise claim every `<sup>`.
    return [{ tag: 'sup.footnote-ref[data-note]', priority: 100 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const note = typeof node.attrs.note === 'string' ? node.attrs.note : '';
    return ['sup', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: 'footnote-ref', 'data-note': note }), '*'];
  },

  renderText() {
    return '';
  },

  addCommands() {
    return {
      insertFootnote:
        (note) =>
        ({ commands }) => {
          const text = note.trim();
          if (text === '' || text.length > MAX_FOOTNOTE_LENGTH) return false;
          return commands.insertContent({ type: this.name, attrs: { note: text } });
        },
    };
  },
});

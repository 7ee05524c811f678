import { mergeAttributes, Node } from '@tiptap/core';

export type PullQuoteOptions = {
  /** Extra HTML attributes for the rendered `<aside>`. */
  HTMLAttributes: Record<string, string>;
};

export type PullQuoteAttributes = { attribution?: string };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the current block into a pull quote. */
      setPullQuote: (attributes?: PullQuoteAttributes) => ReturnType;
      /** Turns the current block into a pull quote, or a pull quote back into a paragraph. */
      togglePullQuote: (attributes?: PullQuoteAttributes) => ReturnType;
    };
  }
}

/**
 * A short passage set large beside the text, with an optional attribution:
 * `<aside class="pull-quote"><p>…</p><footer>— attribution</footer></aside>`.
 */
export const PullQuote = Node.create<PullQuoteOptions>({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      attribution: {
        default: '',
        rendered: false,
        parseHTML: (element) => readAttribution(element),
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'aside.pull-quote', contentElement: quoteTextElement },
      { tag: 'blockquote.pull-quote', contentElement: quoteTextElement },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attributes = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: 'pull-quote' });
    const attribution = typeof node.attrs.attribution === 'string' ? node.attrs.attribution.trim() : '';
    if (attribution === '') return ['aside', attributes, ['p', 0]];
    return ['aside', attributes, ['p', 0], ['footer', {}, `— ${attribution}`]];
  },

  addCommands() {
    return {
      setPullQuote:
        (attributes = {}) =>
        ({ commands }) =>
          commands.setNode(this.name, attributes),
      togglePullQuote:
        (attributes = {}) =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph', attributes),
    };
  },
});

function quoteTextElement(element: HTMLElement): HTMLElement {
  return element.querySelector<HTMLElement>(':scope > p') ?? element;
}

function readAttribution(element: HTMLElement): string {
  const footer = element.querySelector(':scope > footer');
  return (footer?.textContent ?? '').replace(/^[\s—–-]+/, '').trim();
}

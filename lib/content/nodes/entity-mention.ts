import Mention, { type MentionOptions } from '@tiptap/extension-mention';
import { mergeAttributes } from '@tiptap/core';

export const ENTITY_MENTION_KINDS = ['country', 'treaty', 'person', 'organization', 'topic'] as const;
export const MAX_MENTION_LABEL_LENGTH = 200;

export type EntityMentionAttributes = { entityId: number; kind: (typeof ENTITY_MENTION_KINDS)[number]; label: string };

/**
 * A tagged mention of a knowledge-base entity: the text as written (`label`) and the entity it
 * refers to (`entityId`). Typing `@` in the editor opens the picker (configured by the editor);
 * on the reader site the first mention of each entity links to its page.
 */
export const EntityMention = Mention.extend<MentionOptions>({
  name: 'entityMention',

  addAttributes() {
    return {
      entityId: {
        default: null,
        parseHTML: (element) => Number(element.getAttribute('data-entity-id')) || null,
        renderHTML: (attributes) => ({ 'data-entity-id': attributes.entityId }),
      },
      kind: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-kind'),
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
      label: {
        default: '',
        parseHTML: (element) => element.textContent ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span.entity-mention[data-entity-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'entity-mention' }, HTMLAttributes), String(node.attrs.label ?? '')];
  },

  renderText({ node }) {
    return String(node.attrs.label ?? '');
  },
});

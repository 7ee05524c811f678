import type { Extensions } from '@tiptap/core';
import { articleExtensions } from '@/lib/content/extensions';
import { EntityMention } from '@/lib/content/nodes/entity-mention';
import { mentionAttrs, searchEntities, type PickerEntity } from './entity-search';
import type { MentionMenuState } from './mention-menu';

type SuggestionProps = { items: PickerEntity[]; command: (attrs: object) => void; clientRect?: (() => DOMRect | null) | null };

/**
 * The shared article extensions, with what only the editor needs: typing `@` opens the entity
 * picker. The menu's state lives here and is reported to the component that draws it.
 */
export function editorExtensions({ onMentionMenu }: { onMentionMenu: (state: MentionMenuState | null) => void }): Extensions {
  let menu: MentionMenuState | null = null;
  const show = (next: MentionMenuState | null) => {
    menu = next;
    onMentionMenu(next);
  };
  const open = (props: SuggestionProps, selected = 0) => {
    const rect = props.clientRect?.();
    show({
      items: props.items,
      selected: Math.min(selected, Math.max(0, props.items.length - 1)),
      top: (rect?.bottom ?? 0) + 4,
      left: rect?.left ?? 0,
      choose: (entity) => props.command(mentionAttrs(entity, entity.name)),
    });
  };
  const mention = EntityMention.configure({
    suggestion: {
      char: '@',
      allowSpaces: true,
      items: ({ query }) => searchEntities(query),
      render: () => ({
        onStart: (props) => open(props as unknown as SuggestionProps),
        onUpdate: (props) => open(props as unknown as SuggestionProps, menu?.selected ?? 0),
        onKeyDown: ({ event }) => {
          if (!menu) return false;
          if (event.key === 'Escape') {
            show(null);
            return true;
          }
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            const step = event.key === 'ArrowDown' ? 1 : -1;
            const count = Math.max(1, menu.items.length);
            show({ ...menu, selected: (menu.selected + step + count) % count });
            return true;
          }
          const chosen = menu.items[menu.selected];
          if (event.key === 'Enter' && chosen) {
            menu.choose(chosen);
            return true;
          }
          return false;
        },
        onExit: () => show(null),
      }),
    },
  });
  return articleExtensions().map((extension) => (extension.name === 'entityMention' ? mention : extension));
}

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

const directTextInputKey = new PluginKey('directTextInput');

/**
 * The one character a plain key press types, or null when the key is better left to the browser:
 * a line break, a character made of two UTF-16 units, or a press with a modifier that means a command.
 */
function typedCharacter(event: Pick<KeyboardEvent, 'key' | 'charCode' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>): string | null {
  if (event.isComposing || !event.charCode) return null;
  if ((event.ctrlKey && !event.altKey) || event.metaKey) return null;
  const text = String.fromCharCode(event.charCode);
  if (text !== event.key || /[\r\n]/.test(text)) return null;
  return text;
}

/**
 * Types a character into the document as a transaction, in place of the browser's own insertion.
 * Returns false (the browser types it, and the editor reads the change back) when the selection spans
 * blocks or is not a text selection, which the editor already handles itself.
 */
function typeDirectly(view: EditorView, text: string): boolean {
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false;
  if (!selection.$from.parent.inlineContent) return false;
  const { from, to } = selection;
  const withText = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  // Input rules (## for a heading, **bold**, the @ picker) see the character as they would see typing.
  if (view.someProp('handleTextInput', (handle) => handle(view, from, to, text, withText))) return true;
  view.dispatch(withText());
  return true;
}

/**
 * On a long article the browser's own insertion of a typed character into the editable element costs
 * more than the rest of a keystroke together: it edits the DOM, after which the editor reads the change
 * back from it. A plain character typed at a text caret is applied as a transaction instead, so the
 * editor redraws one text node. Composition (accents, Asian scripts), mobile keyboards (which send no
 * key presses) and everything else go the usual way.
 */
export const DirectTextInput = Extension.create({
  name: 'directTextInput',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: directTextInputKey,
        props: {
          handleKeyPress(view, event) {
            if (view.composing) return false;
            const text = typedCharacter(event);
            return text === null ? false : typeDirectly(view, text);
          },
        },
      }),
    ];
  },
});

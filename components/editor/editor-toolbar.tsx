'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { MenuButton } from '@/components/ui/menu-button';
import { useOverflowCount } from './use-overflow-count';

type Props = {
  editor: Editor;
  onLink: () => void;
  onInternalLink: () => void;
  onImage: () => void;
  onFootnote: () => void;
  onTag: () => void;
};

type ToolButton = { label: string; shortcut?: string; isActive?: boolean; isDisabled?: boolean; run: () => void; text: string };

/** Buttons that move into the More menu first when the row is too narrow, first to go first. */
const OVERFLOW_ORDER = [
  'Members’ content starts here',
  'Horizontal rule',
  'Paragraph',
  'Heading 4',
  'Pull quote',
  'Subscript',
  'Superscript',
  'Strikethrough',
  'Table',
  'Redo',
  'Undo',
  'Heading 3',
  'Quotation',
  'Numbered list',
  'Footnote',
  'Link to our articles',
  'Image',
  'Bulleted list',
  'Heading 2',
  'Tag as…',
  'Link',
  'Italic',
  'Bold',
];

/** Formatting buttons on one row; each names its keyboard shortcut and shows whether it applies at the cursor. What does not fit waits under More. */
export function EditorToolbar({ editor, onLink, onInternalLink, onImage, onFootnote, onTag }: Props) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isBold: current.isActive('bold'),
      isItalic: current.isActive('italic'),
      isStrike: current.isActive('strike'),
      isSubscript: current.isActive('subscript'),
      isSuperscript: current.isActive('superscript'),
      heading: [2, 3, 4].find((level) => current.isActive('heading', { level })) ?? null,
      isBulletList: current.isActive('bulletList'),
      isOrderedList: current.isActive('orderedList'),
      isBlockquote: current.isActive('blockquote'),
      isPullQuote: current.isActive('pullQuote'),
      isLink: current.isActive('link'),
      isTable: current.isActive('table'),
      hasSelection: !current.state.selection.empty,
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: ToolButton[][] = [
    [
      { label: 'Bold', shortcut: 'Ctrl+B', text: 'B', isActive: state.isBold, run: () => chain().toggleBold().run() },
      { label: 'Italic', shortcut: 'Ctrl+I', text: 'I', isActive: state.isItalic, run: () => chain().toggleItalic().run() },
      { label: 'Strikethrough', shortcut: 'Ctrl+Shift+S', text: 'S', isActive: state.isStrike, run: () => chain().toggleStrike().run() },
      { label: 'Subscript', shortcut: 'Ctrl+,', text: 'x₂', isActive: state.isSubscript, run: () => chain().toggleSubscript().run() },
      { label: 'Superscript', shortcut: 'Ctrl+.', text: 'x²', isActive: state.isSuperscript, run: () => chain().toggleSuperscript().run() },
    ],
    [
      { label: 'Paragraph', shortcut: 'Ctrl+Alt+0', text: '¶', isActive: false, run: () => chain().setParagraph().run() },
      ...([2, 3, 4] as const).map((level) => ({
        label: `Heading ${level}`,
        shortcut: `Ctrl+Alt+${level}`,
        text: `H${level}`,
        isActive: state.heading === level,
        run: () => chain().toggleHeading({ level }).run(),
      })),
    ],
    [
      { label: 'Bulleted list', shortcut: 'Ctrl+Shift+8', text: '•', isActive: state.isBulletList, run: () => chain().toggleBulletList().run() },
      { label: 'Numbered list', shortcut: 'Ctrl+Shift+7', text: '1.', isActive: state.isOrderedList, run: () => chain().toggleOrderedList().run() },
      { label: 'Quotation', shortcut: 'Ctrl+Shift+B', text: '“', isActive: state.isBlockquote, run: () => chain().toggleBlockquote().run() },
      { label: 'Pull quote', text: '❝', isActive: state.isPullQuote, run: () => chain().togglePullQuote().run() },
    ],
    [
      { label: 'Link', shortcut: 'Ctrl+K', text: 'Link', isActive: state.isLink, run: onLink },
      { label: 'Link to our articles', text: 'Cross-ref', run: onInternalLink },
      { label: 'Footnote', text: 'Note', run: onFootnote },
      { label: 'Tag as…', text: 'Tag', isDisabled: !state.hasSelection, run: onTag },
      { label: 'Image', text: 'Image', run: onImage },
      {
        label: state.isTable ? 'Add table row' : 'Table',
        text: state.isTable ? '+Row' : 'Table',
        run: () => (state.isTable ? chain().addRowAfter().run() : chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
      },
      { label: 'Horizontal rule', text: '—', run: () => chain().setHorizontalRule().run() },
      { label: 'Members’ content starts here', text: 'Members', run: () => chain().setMembersStart().run() },
    ],
    [
      { label: 'Undo', shortcut: 'Ctrl+Z', text: '↶', isDisabled: !state.canUndo, run: () => chain().undo().run() },
      { label: 'Redo', shortcut: 'Ctrl+Shift+Z', text: '↷', isDisabled: !state.canRedo, run: () => chain().redo().run() },
    ],
  ];
  const { rowRef, overflowCount } = useOverflowCount(OVERFLOW_ORDER.length);
  const overflowing = new Set(OVERFLOW_ORDER.slice(0, overflowCount));
  const isOverflowing = (button: ToolButton) => overflowing.has(button.label === 'Add table row' ? 'Table' : button.label);
  const inMenu = groups.flat().filter(isOverflowing);

  return (
    <div ref={rowRef} className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {groups.map((group, index) => {
        const shown = group.filter((button) => !isOverflowing(button));
        if (shown.length === 0) return null;
        return (
          <div className="toolbar-group" key={index}>
            {shown.map((button) => (
              <button
                key={button.label}
                type="button"
                className="tool"
                aria-label={button.label}
                title={titleOf(button)}
                aria-pressed={button.isActive === undefined ? undefined : button.isActive}
                disabled={button.isDisabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={button.run}
              >
                {button.text}
              </button>
            ))}
          </div>
        );
      })}
      {inMenu.length > 0 ? (
        <MenuButton
          label="More formatting"
          className="toolbar-more"
          buttonClassName="tool"
          items={inMenu.map((button) => ({
            id: button.label,
            label: button.label,
            title: titleOf(button),
            isChecked: button.isActive,
            isDisabled: button.isDisabled,
            onSelect: button.run,
            content: (
              <>
                <span className="menu-item-glyph" aria-hidden="true">
                  {button.text.length <= 2 ? button.text : ''}
                </span>{' '}
                {button.label}
                {button.shortcut ? <span className="menu-item-shortcut">{button.shortcut}</span> : null}
              </>
            ),
          }))}
        >
          More ▾
        </MenuButton>
      ) : null}
    </div>
  );
}

function titleOf(button: ToolButton): string {
  return button.shortcut ? `${button.label} (${button.shortcut})` : button.label;
}

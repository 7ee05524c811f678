'use client';

import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { EditorToolbar } from './editor-toolbar';
import { FigureDetails, FootnotePanel, ImagePanel, InternalLinkPanel, LinkPanel } from './editor-panels';
import { EntityPicker } from './entity-picker';
import { mentionAttrs, type PickerEntity } from './entity-search';
import { Button } from '@/components/ui/button';

type Panel = 'link' | 'internal' | 'image' | 'footnote' | 'tag' | null;

type Props = {
  editor: Editor;
  uploadError: string;
  pasteNotice: string;
  onDismissPasteNotice: () => void;
  isFigureSelected: boolean;
};

/** The formatting toolbar, the small form each of its dialogs opens, and notices about pasted or uploaded content. */
export function EditorTools({ editor, uploadError, pasteNotice, onDismissPasteNotice, isFigureSelected }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const close = () => setPanel(null);

  const tagSelection = (entity: PickerEntity) => {
    setPanel(null);
    const { from, to } = editor.state.selection;
    const label = editor.state.doc.textBetween(from, to, ' ').trim() || entity.name;
    editor.chain().focus().insertContentAt({ from, to }, { type: 'entityMention', attrs: mentionAttrs(entity, label) }).run();
  };

  return (
    <>
      <EditorToolbar
        editor={editor}
        onLink={() => setPanel('link')}
        onInternalLink={() => setPanel('internal')}
        onImage={() => setPanel('image')}
        onFootnote={() => setPanel('footnote')}
        onTag={() => setPanel('tag')}
      />
      {panel === 'link' ? <LinkPanel editor={editor} onClose={close} /> : null}
      {panel === 'internal' ? <InternalLinkPanel editor={editor} onClose={close} /> : null}
      {panel === 'image' ? <ImagePanel editor={editor} onClose={close} /> : null}
      {panel === 'footnote' ? <FootnotePanel editor={editor} onClose={close} /> : null}
      {panel === 'tag' ? (
        <EntityPicker
          label="Tag the selected words as"
          initialQuery={editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, ' ')}
          onPick={tagSelection}
          onCancel={close}
        />
      ) : null}
      {uploadError ? (
        <p className="form-error" role="alert">
          {uploadError}
        </p>
      ) : null}
      {pasteNotice ? (
        <p className="form-error" role="alert">
          {pasteNotice}{' '}
          <Button variant="quiet" onClick={onDismissPasteNotice}>
            Dismiss
          </Button>
        </p>
      ) : null}
      {isFigureSelected ? <FigureDetails editor={editor} /> : null}
    </>
  );
}

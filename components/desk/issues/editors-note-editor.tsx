'use client';

import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { articleExtensions } from '@/lib/content/extensions';
import styles from './issues.module.css';

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * The editor's note as rich text, made with the article's own extension list so the issue page can
 * show exactly what is typed here. The JSON travels in a hidden field named `name`.
 */
export function EditorsNoteEditor({ name, initial, describedBy, isDisabled = false }: { name: string; initial: JSONContent | null; describedBy?: string; isDisabled?: boolean }) {
  const [json, setJson] = useState(() => (initial ? JSON.stringify(initial) : ''));
  const [extensions] = useState(() => articleExtensions());
  const editor = useEditor({
    extensions,
    content: initial ?? EMPTY_DOC,
    immediatelyRender: false,
    editable: !isDisabled,
    editorProps: {
      attributes: {
        class: `article-body ${styles.noteSurface}`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Editor’s note',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    },
    onUpdate: ({ editor: current }) => setJson(current.isEmpty ? '' : JSON.stringify(current.getJSON())),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({ isBold: current?.isActive('bold') ?? false, isItalic: current?.isActive('italic') ?? false, isList: current?.isActive('bulletList') ?? false }),
  });
  const tools = [
    { label: 'Bold', text: 'B', isActive: state?.isBold ?? false, run: () => editor?.chain().focus().toggleBold().run() },
    { label: 'Italic', text: 'I', isActive: state?.isItalic ?? false, run: () => editor?.chain().focus().toggleItalic().run() },
    { label: 'Bulleted list', text: '•', isActive: state?.isList ?? false, run: () => editor?.chain().focus().toggleBulletList().run() },
  ];
  return (
    <div className={styles.noteEditor}>
      <div role="toolbar" aria-label="Editor’s note formatting" className={styles.noteToolbar}>
        {tools.map((tool) => (
          <button key={tool.label} type="button" aria-label={tool.label} title={tool.label} aria-pressed={tool.isActive} onClick={tool.run} disabled={isDisabled || !editor}>
            {tool.text}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={json} />
    </div>
  );
}

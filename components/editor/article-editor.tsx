'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { EditableArticle, EditorOptions, EditorViewer } from '@/lib/articles/get-article-for-edit';
import { countWords } from '@/lib/content/derive-article-text';
import { slugify } from '@/lib/text/slugify';
import { ConflictDialog } from './conflict-dialog';
import { EntityPicker } from './entity-picker';
import { editorExtensions } from './editor-extensions';
import { findExistingEntityIds, mentionAttrs, type PickerEntity } from './entity-search';
import { MentionMenu, type MentionMenuState } from './mention-menu';
import { TagSuggestions } from './tag-suggestions';
import { EditorToolbar } from './editor-toolbar';
import { FigureDetails, FootnotePanel, ImagePanel, InternalLinkPanel, LinkPanel } from './editor-panels';
import { clearLocalDraft, readLocalDraft, type LocalDraft } from './local-draft-store';
import { MetadataPanel, type ArticleMeta } from './metadata-panel';
import { NotesPanel } from './notes/notes-panel';
import { PasteGuard } from './paste-guard';
import { WorkflowPanel } from './workflow/workflow-panel';
import workflowStyles from './workflow/workflow.module.css';
import { SaveStatusLine } from './save-status';
import { figureAttrsFrom, uploadImage } from './upload-image';
import { useAutosave } from './use-autosave';
import { usePresence } from './use-presence';

type Props = { article: EditableArticle; options: EditorOptions; viewer: EditorViewer };
type Panel = 'link' | 'internal' | 'image' | 'footnote' | 'tag' | null;

export function ArticleEditor({ article, options, viewer }: Props) {
  const [meta, setMeta] = useState<ArticleMeta>(() => metaOf(article));
  const metaRef = useRef(meta);
  const [panel, setPanel] = useState<Panel>(null);
  const [wordCount, setWordCount] = useState(article.wordCount);
  const [images, setImages] = useState(() => imagesIn(article.body));
  const [restoreOffer, setRestoreOffer] = useState<LocalDraft | null>(null);
  const [uploadError, setUploadError] = useState('');
  const [pasteNotice, setPasteNotice] = useState('');
  const [isFigureSelected, setIsFigureSelected] = useState(false);
  const slugFollowsTitle = useRef(!article.isPublished && article.slug === slugify(article.title));
  const editorRef = useRef<Editor | null>(null);
  const onChangeRef = useRef<() => void>(() => {});
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [mentionMenu, setMentionMenu] = useState<MentionMenuState | null>(null);
  const [manualTags, setManualTags] = useState(article.manualTags);
  const manualTagsRef = useRef(article.manualTags);
  const [changeTick, setChangeTick] = useState(0);
  const [extensions] = useState(() => [
    ...editorExtensions({ onMentionMenu: setMentionMenu }),
    PasteGuard.configure({ findExistingEntityIds, onNotice: setPasteNotice }),
  ]);
  const [canEdit, setCanEdit] = useState(article.canEdit);
  const [lockedReason, setLockedReason] = useState(article.lockedReason);
  const onEditableChange = useCallback((isEditable: boolean, reason: string | null) => {
    setCanEdit(isEditable);
    setLockedReason(reason);
  }, []);

  const editor = useEditor({
    extensions,
    content: article.body,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editable: article.canEdit,
    editorProps: {
      attributes: { class: 'article-body editor-surface', 'aria-label': 'Article text', 'aria-multiline': 'true', role: 'textbox' },
      handlePaste: (_view, event) => insertImageFiles(event.clipboardData?.files),
      handleDrop: (view, event) => {
        const drop = event as DragEvent;
        return insertImageFiles(drop.dataTransfer?.files, view.posAtCoords({ left: drop.clientX, top: drop.clientY })?.pos);
      },
    },
    onUpdate: () => onChangeRef.current(),
    onSelectionUpdate: ({ editor: current }) => setIsFigureSelected(current.isActive('figure')),
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  const getState = useCallback(
    (): ArticleDraft => ({
      ...metaRef.current,
      body: editorRef.current?.getJSON() ?? article.body,
      manualEntityIds: manualTagsRef.current.map((tag) => tag.id),
    }),
    [article.body],
  );
  const replaceState = useCallback((state: ArticleDraft) => {
    metaRef.current = metaOf(state);
    setMeta(metaRef.current);
    editorRef.current?.commands.setContent(state.body as JSONContent, { emitUpdate: false });
    setImages(imagesIn(state.body as JSONContent));
  }, []);
  // The issue planner may have filed the article elsewhere; show its choice unless the writer has changed the field since.
  const keepServerIssue = useCallback(({ sent, issueId }: { sent: number | null; issueId: number | null }) => {
    if (issueId === sent || metaRef.current.issueId !== sent) return;
    metaRef.current = { ...metaRef.current, issueId };
    setMeta(metaRef.current);
  }, []);
  const autosave = useAutosave({ articleId: article.id, initialVersion: article.version, getState, onReplace: replaceState, onIssueKept: keepServerIssue });
  const others = usePresence(article.id);

  const { markChanged } = autosave;
  useEffect(() => {
    editor?.setEditable(canEdit, false);
  }, [editor, canEdit]);
  useEffect(() => {
    onChangeRef.current = () => {
      if (canEdit) markChanged();
      clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => {
        const current = editorRef.current;
        if (!current) return;
        setWordCount(countWords(current.getText({ blockSeparator: '\n\n' })));
        setImages(imagesIn(current.getJSON()));
        setChangeTick((tick) => tick + 1);
      }, 500);
    };
  }, [markChanged, canEdit]);

  /** Uploads pasted or dropped images and inserts each as a figure beside (never over) what is selected. */
  function insertImageFiles(files: FileList | undefined | null, dropPosition?: number): boolean {
    const images = [...(files ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '');
    if (images.length === 0) return false;
    setUploadError('');
    for (const file of images) {
      uploadImage(file, { alt: '', caption: '', credit: '' })
        .then((image) => {
          const current = editorRef.current;
          if (!current) return;
          const position = Math.min(dropPosition ?? current.state.selection.to, current.state.doc.content.size);
          current.chain().focus().insertContentAt(position, { type: 'figure', attrs: figureAttrsFrom(image) }).run();
        })
        .catch((error: Error) => setUploadError(error.message));
    }
    return true;
  }

  useEffect(() => {
    const local = readLocalDraft(article.id);
    if (!local) return;
    const server = JSON.stringify({ ...metaOf(article), body: article.body });
    const kept = JSON.stringify({ ...metaOf(local.state), body: local.state.body });
    // Reading browser storage is only possible after mount; the offer appears once, on load.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (server !== kept) setRestoreOffer(local);
    else clearLocalDraft(article.id);
  }, [article]);

  const changeMeta = (changes: Partial<ArticleMeta>, { isSlugEdit = false } = {}) => {
    if (isSlugEdit) slugFollowsTitle.current = false;
    const next = { ...metaRef.current, ...changes };
    if (changes.title !== undefined && slugFollowsTitle.current) next.slug = slugify(changes.title);
    metaRef.current = next;
    setMeta(next);
    onChangeRef.current();
  };

  const restoreLocal = () => {
    if (!restoreOffer || !editor) return;
    replaceState(restoreOffer.state);
    autosave.adoptVersion(restoreOffer.baseVersion);
    setRestoreOffer(null);
    onChangeRef.current();
  };

  const tagSelection = (entity: PickerEntity) => {
    const current = editorRef.current;
    setPanel(null);
    if (!current) return;
    const { from, to } = current.state.selection;
    const label = current.state.doc.textBetween(from, to, ' ').trim() || entity.name;
    current.chain().focus().insertContentAt({ from, to }, { type: 'entityMention', attrs: mentionAttrs(entity, label) }).run();
  };

  const changeManualTags = (next: { id: number; kind: PickerEntity['kind']; name: string }[]) => {
    manualTagsRef.current = next;
    setManualTags(next);
    onChangeRef.current();
  };

  const openPreview = async () => {
    const preview = window.open('about:blank', '_blank');
    await autosave.saveNow();
    if (preview) preview.location.href = `/desk/articles/${article.id}/preview`;
  };

  const fieldErrors: Record<string, string> = autosave.status.kind === 'error' ? autosave.status.fieldErrors : {};

  return (
    <div className="editor-layout">
      <div className="editor-main">
        <div className="editor-topbar">
          <SaveStatusLine status={autosave.status} />
          {others.length > 0 ? (
            <p className="presence" role="status">
              Also editing now: {others.join(', ')}
            </p>
          ) : null}
          <div className="editor-actions">
            {canEdit ? (
              <button type="button" onClick={() => void autosave.saveNow()}>
                Save
              </button>
            ) : null}
            <button type="button" onClick={() => void openPreview()}>
              Preview
            </button>
            <Link href={`/desk/articles/${article.id}/history`}>History</Link>
            <Link href={`/desk/articles/${article.id}/audit`}>Audit log</Link>
          </div>
        </div>

        {restoreOffer ? (
          <div className="restore-offer" role="alert">
            <p>This device has changes to this article that were not saved (kept {new Date(restoreOffer.keptAt).toLocaleString('en-GB')}).</p>
            <button type="button" onClick={restoreLocal}>
              Restore them
            </button>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                clearLocalDraft(article.id);
                setRestoreOffer(null);
              }}
            >
              Discard them
            </button>
          </div>
        ) : null}

        {!canEdit ? (
          <p className={workflowStyles.locked} role="note">
            {lockedReason ?? 'Editing is closed for you while the article is in this state.'}
          </p>
        ) : null}

        {autosave.status.kind === 'conflict' && editor ? (
          <ConflictDialog
            mine={{ title: meta.title, html: editor.getHTML() }}
            theirs={autosave.status.current}
            onKeepMine={() => void autosave.keepMine()}
            onTakeTheirs={() => void autosave.takeTheirs()}
          />
        ) : null}

        <label className="visually-hidden" htmlFor="article-title">
          Title
        </label>
        <textarea
          id="article-title"
          className="title-input"
          value={meta.title}
          rows={1}
          readOnly={!canEdit}
          placeholder="Title"
          onChange={(event) => changeMeta({ title: event.target.value.replace(/\n/g, ' ') })}
        />
        <label className="visually-hidden" htmlFor="article-dek">
          Dek
        </label>
        <textarea id="article-dek" className="dek-input" value={meta.dek} rows={2} readOnly={!canEdit} placeholder="Dek: one sentence on why this matters" onChange={(event) => changeMeta({ dek: event.target.value })} />

        {editor && canEdit ? (
          <>
            <EditorToolbar
              editor={editor}
              onLink={() => setPanel('link')}
              onInternalLink={() => setPanel('internal')}
              onImage={() => setPanel('image')}
              onFootnote={() => setPanel('footnote')}
              onTag={() => setPanel('tag')}
            />
            {panel === 'link' ? <LinkPanel editor={editor} onClose={() => setPanel(null)} /> : null}
            {panel === 'internal' ? <InternalLinkPanel editor={editor} onClose={() => setPanel(null)} /> : null}
            {panel === 'image' ? <ImagePanel editor={editor} onClose={() => setPanel(null)} /> : null}
            {panel === 'footnote' ? <FootnotePanel editor={editor} onClose={() => setPanel(null)} /> : null}
            {panel === 'tag' ? (
              <EntityPicker
                label="Tag the selected words as"
                initialQuery={editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, ' ')}
                onPick={tagSelection}
                onCancel={() => setPanel(null)}
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
                <button type="button" className="link-button" onClick={() => setPasteNotice('')}>
                  Dismiss
                </button>
              </p>
            ) : null}
            {isFigureSelected ? <FigureDetails editor={editor} /> : null}
          </>
        ) : null}
        <EditorContent editor={editor} className="editor-content" />
        {mentionMenu ? <MentionMenu state={mentionMenu} /> : null}
      </div>
      <div className="editor-sidebar">
        <WorkflowPanel
          articleId={article.id}
          viewer={viewer}
          saveNow={autosave.saveNow}
          savedAt={autosave.status.kind === 'saved' ? autosave.status.at : null}
          onEditableChange={onEditableChange}
        />
        {editor ? <NotesPanel editor={editor} articleId={article.id} viewer={viewer} /> : null}
        <fieldset className="editor-fields" disabled={!canEdit}>
        <MetadataPanel meta={meta} options={options} images={images} wordCount={wordCount} fieldErrors={fieldErrors} onChange={changeMeta} viewerRole={viewer.role} />
        <section className="manual-tags" aria-labelledby="manual-tags-title">
          <h2 id="manual-tags-title">Tags added by hand</h2>
          <p className="hint">Entities tagged in the text are tags already; add here what the article is about without naming it.</p>
          <ul className="author-list">
            {manualTags.map((tag) => (
              <li key={tag.id}>
                <span>{tag.name}</span>
                <button type="button" className="tool" aria-label={`Remove tag ${tag.name}`} onClick={() => changeManualTags(manualTags.filter((other) => other.id !== tag.id))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <EntityPicker
            label="Add a tag"
            onPick={(entity) => {
              if (!manualTags.some((tag) => tag.id === entity.id)) changeManualTags([...manualTags, { id: entity.id, kind: entity.kind, name: entity.name }]);
            }}
          />
        </section>
        {editor && canEdit ? <TagSuggestions editor={editor} articleId={article.id} changeTick={changeTick} /> : null}
        </fieldset>
      </div>
    </div>
  );
}

function metaOf(source: Omit<ArticleDraft, 'body' | 'authorContributorIds' | 'featuredMediaId'> & Partial<Pick<ArticleDraft, 'authorContributorIds' | 'featuredMediaId'>> & {
  authors?: { id: number }[];
  featuredImage?: { id: number } | null;
}): ArticleMeta {
  return {
    title: source.title,
    dek: source.dek,
    slug: source.slug,
    sectionId: source.sectionId,
    issueId: source.issueId,
    authorContributorIds: source.authorContributorIds ?? source.authors?.map((author) => author.id) ?? [],
    seoTitle: source.seoTitle,
    seoDescription: source.seoDescription,
    featuredMediaId: source.featuredMediaId ?? source.featuredImage?.id ?? null,
  };
}

function imagesIn(doc: JSONContent): { id: number; label: string }[] {
  const found: { id: number; label: string }[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'figure' && typeof node.attrs?.mediaId === 'number') {
      found.push({ id: node.attrs.mediaId, label: (node.attrs.alt as string) || (node.attrs.caption as string) || `Image ${node.attrs.mediaId}` });
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}

'use client';

import { EditorContent } from '@tiptap/react';
import type { EditableArticle, EditorOptions, EditorViewer } from '@/lib/articles/get-article-for-edit';
import { CollabHeader } from './collab/collab-header';
import type { CollabSession } from './collab/collab-session';
import { useCollab, useLiveSaveStatus } from './collab/use-collab';
import './collab/collab.css';
import { ConflictDialog } from './conflict-dialog';
import { EditorSidebar } from './editor-sidebar';
import { EditorTools } from './editor-tools';
import { EditorTopbar } from './editor-topbar';
import { MentionMenu } from './mention-menu';
import { RestoreOffer } from './restore-offer';
import { TitleFields } from './title-fields';
import { useArticleBody, type BodyChange } from './use-article-body';
import { useArticleDraft } from './use-article-draft';
import { useArticleMeta } from './use-article-meta';
import { useChangeHandler, useChangeSignal } from './use-change-signal';
import { useEditLock } from './use-edit-lock';
import { useLocalDraftOffer } from './use-local-draft-offer';
import { useManualTags } from './use-manual-tags';
import { usePresence } from './use-presence';
import type { SaveStatus } from './use-autosave';
import { useTextStats } from './use-text-stats';
import workflowStyles from './workflow/workflow.module.css';

type Props = { article: EditableArticle; options: EditorOptions; viewer: EditorViewer; isCollabOn?: boolean };

/**
 * The article editor: text and title on the left, one panel of workflow, notes, details or tags on the right.
 * With live editing on, the text is the article's shared document (ADR 016): the server saves it, and
 * the editor's own saves carry only the other fields. Off, or for those who may not edit, the text is
 * saved with the rest, on top of the version it started from.
 */
export function ArticleEditor({ article, options, viewer, isCollabOn = false }: Props) {
  const lock = useEditLock(article);
  const { notify: notifyChange, ...changes } = useChangeSignal();
  const { notify: notifyBodyChange, ...bodyChanges } = useChangeSignal<[BodyChange]>();
  const isLive = isCollabOn && lock.canEdit;
  const collab = useCollab({ articleId: article.id, isOn: isLive });
  const canEditText = lock.canEdit && collab?.view.connection !== 'closed';
  const body = useArticleBody({ body: article.body, canEdit: canEditText, onChange: notifyBodyChange, shared: collab?.shared ?? null, user: viewer });
  const stats = useTextStats({ body: article.body, wordCount: article.wordCount, editorRef: body.editorRef });
  const meta = useArticleMeta({ article, onChange: notifyChange });
  const tags = useManualTags({ initial: article.manualTags, onChange: notifyChange });
  const { autosave, replaceState } = useArticleDraft({
    articleId: article.id,
    initialVersion: article.version,
    initialBody: article.body,
    editorRef: body.editorRef,
    metaRef: meta.metaRef,
    manualTagsRef: tags.manualTagsRef,
    replaceMeta: meta.replaceMeta,
    showImagesOf: stats.showImagesOf,
    keepServerIssue: meta.keepServerIssue,
    sharedBody: isLive ? collab : null,
  });
  useChangeHandler({ notify: notifyChange, ...changes }, () => {
    if (lock.canEdit) autosave.markChanged();
    stats.scheduleRecount();
  });
  useChangeHandler({ notify: notifyBodyChange, ...bodyChanges }, ({ isFromOthers }: BodyChange) => {
    // Live, the server writes the text; the autosave only asks it to once this writer's typing pauses.
    // Another writer's change is theirs to save: every open editor asking for each one would multiply the saves.
    if (lock.canEdit && !isFromOthers) autosave.markChanged(isLive ? 'shared-body' : 'all');
    stats.scheduleRecount();
  });
  const localDraft = useLocalDraftOffer(article);
  const others = usePresence(article.id);
  const { editor } = body;
  const isTextShown = !isLive || Boolean(collab?.shared);

  const restoreLocal = () => {
    if (!localDraft.offer || !editor) return;
    replaceState(localDraft.offer.state);
    autosave.adoptVersion(localDraft.offer.baseVersion);
    localDraft.close();
    notifyChange();
  };

  return (
    <div className="editor-layout">
      <div className="editor-main">
        {collab ? (
          <LiveEditorTopbar session={collab.session} own={autosave.status} articleId={article.id} others={[]} canEdit={lock.canEdit} saveNow={autosave.saveNow} />
        ) : (
          <EditorTopbar articleId={article.id} status={autosave.status} others={isLive ? [] : others} canEdit={lock.canEdit} saveNow={autosave.saveNow} />
        )}
        {collab ? <CollabHeader view={collab.view} /> : null}
        {localDraft.offer && !isLive ? <RestoreOffer offer={localDraft.offer} onRestore={restoreLocal} onDiscard={localDraft.discard} /> : null}
        {!lock.canEdit ? (
          <p className={workflowStyles.locked} role="note">
            {lock.lockedReason ?? 'Editing is closed for you while the article is in this state.'}
          </p>
        ) : null}
        {autosave.status.kind === 'conflict' && editor ? (
          <ConflictDialog
            key={autosave.status.current.version}
            mine={autosave.status.mine}
            theirs={autosave.status.current}
            onSaveMerged={autosave.saveMerged}
            onTakeTheirs={() => void autosave.takeTheirs()}
          />
        ) : null}
        <TitleFields meta={meta.meta} canEdit={lock.canEdit} onChange={meta.changeMeta} />
        {editor && canEditText && isTextShown ? (
          <EditorTools editor={editor} uploadError={body.uploadError} pasteNotice={body.pasteNotice} onDismissPasteNotice={body.dismissPasteNotice} isFigureSelected={body.isFigureSelected} />
        ) : null}
        {isTextShown ? (
          <EditorContent editor={editor} className="editor-content" />
        ) : (
          <p className="editor-content" role="status">
            Opening the shared text…
          </p>
        )}
        {body.mentionMenu ? <MentionMenu state={body.mentionMenu} /> : null}
      </div>
      <EditorSidebar
        articleId={article.id}
        editor={editor}
        viewer={viewer}
        canEdit={lock.canEdit}
        workflow={{ saveNow: autosave.saveNow, savedAt: autosave.status.kind === 'saved' ? autosave.status.at : null, onEditableChange: lock.onEditableChange }}
        details={{
          meta: meta.meta,
          savedAccess: { access: article.access, accessTierIds: article.accessTierIds },
          options,
          images: stats.images,
          wordCount: stats.wordCount,
          fieldErrors: autosave.status.kind === 'error' ? autosave.status.fieldErrors : {},
          onChange: meta.changeMeta,
        }}
        tags={{ manualTags: tags.manualTags, onManualTagsChange: tags.changeManualTags, changeTick: stats.changeTick }}
      />
    </div>
  );
}

/**
 * Live, the text is saved once the server has every change; the other fields as before. Only this
 * line follows each change's trip to the server, so a keystroke does not re-render the whole editor.
 */
function LiveEditorTopbar({ session, own, ...topbar }: Omit<Parameters<typeof EditorTopbar>[0], 'status'> & { session: CollabSession; own: SaveStatus }) {
  const status = useLiveSaveStatus({ session, own });
  return <EditorTopbar {...topbar} status={status} />;
}

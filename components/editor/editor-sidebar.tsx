'use client';

import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import type { EditorOptions, EditorViewer } from '@/lib/articles/get-article-for-edit';
import { Tabs } from '@/components/ui/tabs';
import { ManualTagsPanel } from './manual-tags-panel';
import { MetadataPanel, type SavedAccess, type ArticleMeta } from './metadata-panel';
import { NotesPanel } from './notes/notes-panel';
import { TagSuggestions } from './tag-suggestions';
import type { ArticleImage } from './use-text-stats';
import type { ManualTag } from './use-manual-tags';
import { WorkflowPanel, type WorkflowPanelProps } from './workflow/workflow-panel';

type SidebarTab = 'workflow' | 'notes' | 'details' | 'tags';

type Props = {
  articleId: number;
  editor: Editor | null;
  viewer: EditorViewer;
  canEdit: boolean;
  workflow: Omit<WorkflowPanelProps, 'articleId' | 'viewer'>;
  details: { meta: ArticleMeta; savedAccess: SavedAccess; options: EditorOptions; images: ArticleImage[]; wordCount: number; fieldErrors: Record<string, string>; onChange: (changes: Partial<ArticleMeta>, options?: { isSlugEdit?: boolean }) => void };
  tags: { manualTags: ManualTag[]; onManualTagsChange: (next: ManualTag[]) => void; changeTick: number };
};

/** Everything beside the text, one panel at a time, so the open panel sits next to the text on a laptop screen. */
export function EditorSidebar({ articleId, editor, viewer, canEdit, workflow, details, tags }: Props) {
  const [tab, setTab] = useState<SidebarTab>('workflow');
  return (
    <div className="editor-sidebar">
      <Tabs<SidebarTab>
        label="Article panels"
        selectedId={tab}
        onSelect={setTab}
        items={[
          { id: 'workflow', label: 'Workflow', panel: <WorkflowPanel articleId={articleId} viewer={viewer} {...workflow} /> },
          {
            id: 'notes',
            label: 'Notes',
            panel: editor ? <NotesPanel editor={editor} articleId={articleId} viewer={viewer} onReveal={() => setTab('notes')} /> : null,
          },
          {
            id: 'details',
            label: 'Details',
            panel: (
              <fieldset className="editor-fields" disabled={!canEdit}>
                <MetadataPanel {...details} viewerRole={viewer.role} />
              </fieldset>
            ),
          },
          {
            id: 'tags',
            label: 'Tags',
            panel: (
              <fieldset className="editor-fields" disabled={!canEdit}>
                {editor && canEdit ? <TagSuggestions editor={editor} articleId={articleId} changeTick={tags.changeTick} /> : null}
                <ManualTagsPanel manualTags={tags.manualTags} onChange={tags.onManualTagsChange} />
              </fieldset>
            ),
          },
        ]}
      />
    </div>
  );
}

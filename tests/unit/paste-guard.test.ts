// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PasteGuard } from '@/components/editor/paste-guard';
import { articleExtensions } from '@/lib/content/extensions';
import { mentionedEntities } from '@/lib/content/mentioned-entities';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { HOSTILE_PASTES, HOSTILE_TEXT_PASTES, KNOWN_ENTITY_IDS } from './hostile-paste-fixtures';

const STARTING_DOC: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Paragraph text' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'List item' }] }] }] },
    {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cell' }] }] }] }],
    },
    { type: 'pullQuote', attrs: { attribution: '' }, content: [{ type: 'text', text: 'Quoted' }] },
  ],
};

/** Where a writer may put the cursor before pasting: after the first word of each kind of block. */
const CURSOR_WORDS = ['Heading', 'Paragraph', 'List', 'Cell', 'Quoted'];

let editors: Editor[] = [];
let notices: string[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
  notices = [];
});

/** The article editor's extensions and paste handling, with the server's entity lookup answering from a fixed list. */
function articleEditor(content: JSONContent = STARTING_DOC): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const pasteGuard = PasteGuard.configure({
    findExistingEntityIds: async (ids) => ids.filter((id) => KNOWN_ENTITY_IDS.includes(id)),
    onNotice: (message) => notices.push(message),
  });
  const editor = new Editor({ element, extensions: [...articleExtensions(), pasteGuard], content });
  editors.push(editor);
  return editor;
}

function placeCursorAfter(editor: Editor, word: string): void {
  let position = -1;
  editor.state.doc.descendants((node, offset) => {
    if (position >= 0 || !node.isText) return position < 0;
    const index = node.text!.indexOf(word);
    if (index >= 0) position = offset + index + word.length;
    return false;
  });
  if (position < 0) throw new Error(`"${word}" is not in the document`);
  editor.commands.setTextSelection(position);
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function problemsAfter(editor: Editor): string[] {
  const doc = editor.getJSON();
  const validation = validateArticleDoc(doc);
  const problems = validation.ok ? [] : validation.problems.map((problem) => `${problem.path}: ${problem.message}`);
  for (const mention of mentionedEntities(doc)) {
    if (!KNOWN_ENTITY_IDS.includes(mention.entityId)) problems.push(`a mention names entity ${mention.entityId}, which does not exist`);
  }
  return problems;
}

describe('every paste leaves a document that can be saved', () => {
  for (const paste of HOSTILE_PASTES) {
    it(`after pasting ${paste.name}`, async () => {
      for (const word of CURSOR_WORDS) {
        const editor = articleEditor();
        placeCursorAfter(editor, word);
        editor.view.pasteHTML(paste.html);
        await settle();
        expect(problemsAfter(editor), `pasted after "${word}"`).toEqual([]);
      }
    });
  }

  for (const text of HOSTILE_TEXT_PASTES) {
    it(`after pasting the plain text ${JSON.stringify(text.slice(0, 30))}`, async () => {
      for (const word of CURSOR_WORDS) {
        const editor = articleEditor();
        placeCursorAfter(editor, word);
        editor.view.pasteText(text);
        await settle();
        expect(problemsAfter(editor), `pasted after "${word}"`).toEqual([]);
      }
    });
  }
});

describe('what a paste keeps and what it tells the writer', () => {
  it('keeps a copied mention of a known entity tagged, and turns one of an unknown entity into its words', async () => {
    const editor = articleEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    editor.view.pasteHTML(
      '<p data-pm-slice="1 1 []">From <span class="entity-mention" data-entity-id="7" data-kind="country">Ruritania</span> to <span class="entity-mention" data-entity-id="999999" data-kind="country">Atlantis</span></p>',
    );
    await settle();
    expect(mentionedEntities(editor.getJSON())).toEqual([{ entityId: 7, label: 'Ruritania' }]);
    expect(editor.getText()).toBe('From Ruritania to Atlantis');
    expect(notices).toEqual(['Pasted as plain text, since the entity it was tagged with does not exist here: “Atlantis”. Tag it again if it should be.']);
  });

  it('splits a copied footnote over the limit into several notes, losing none of its words', async () => {
    const note = Array.from({ length: 700 }, (_, index) => `word${index}`).join(' ');
    const editor = articleEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    editor.view.pasteHTML(`<p data-pm-slice="1 1 []">Claim<sup class="footnote-ref" data-note="${note}">*</sup></p>`);
    await settle();
    const doc: JSONContent = editor.getJSON();
    const notes = (doc.content?.[0]?.content ?? []).filter((node) => node.type === 'footnote').map((node) => node.attrs?.note as string);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.every((part) => part.length <= 2000)).toBe(true);
    expect(notes.join(' ')).toBe(note);
  });

  it('leaves out an image from another site and says why, keeping the text around it', async () => {
    const editor = articleEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    editor.view.pasteHTML('<p>Before</p><figure><img src="https://images.example.org/port.jpg" alt="Port"></figure><p>After</p>');
    await settle();
    expect(editor.getJSON().content?.some((node) => node.type === 'figure')).toBe(false);
    expect(editor.getText({ blockSeparator: '|' })).toBe('Before|After');
    expect(notices).toEqual([
      "Images from other sites can't be used directly: upload the image to the media library first. The pasted image was left out (“https://images.example.org/port.jpg”).",
    ]);
  });

  it('keeps a copied figure from the media library with its caption and credit', async () => {
    const editor = articleEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    editor.view.pasteHTML(
      '<figure class="figure" data-pm-slice="0 0 []" data-media-id="4"><img src="/api/media/4/w960.jpg" srcset="/api/media/4/w480.webp 480w" alt="Port" width="960" height="640"><figcaption>The port <span class="credit">Photo: Agency</span></figcaption></figure>',
    );
    await settle();
    const figure = editor.getJSON().content?.find((node) => node.type === 'figure');
    expect(figure?.attrs).toEqual({ mediaId: 4, src: '/api/media/4/w960.jpg', srcset: '/api/media/4/w480.webp 480w', alt: 'Port', caption: 'The port', credit: 'Photo: Agency', width: 960, height: 640 });
    expect(notices).toEqual([]);
  });
});

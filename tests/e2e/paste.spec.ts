import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { editorCopyFragment, FOREIGN_IMAGE_FRAGMENT, OVER_LONG_NOTE, PASTE_FIXTURES } from './support/paste-fixtures';
import { signInAs } from './support/staff-session';

const squash = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim());

async function textsOf(locator: Locator): Promise<string[]> {
  return squash(await locator.allTextContents());
}

async function paste(body: Locator, html: string): Promise<void> {
  await body.evaluate((element, markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

type StoredNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: StoredNode[] };

/** The text as the editor shows it: mentions by their words, each footnote as its `*` marker. */
function textAsShown(node: StoredNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'entityMention') return String(node.attrs?.label ?? '');
  if (node.type === 'footnote') return '*';
  return (node.content ?? []).map(textAsShown).join('');
}

function nodesOf(node: StoredNode, type: string): StoredNode[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((child) => nodesOf(child, type))];
}

for (const fixture of PASTE_FIXTURES) {
  test(`pasting from ${fixture.name} keeps headings, lists, links, emphasis and tables, and nothing else`, async ({ page }) => {
    await signInAs(page, 'author');
    const editor = new EditorPage(page);
    await editor.create(`Pasted from ${fixture.name}`);
    await editor.body.click();
    await editor.body.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, fixture.html);
    const { expected } = fixture;
    const body = editor.body;
    await expect.poll(() => textsOf(body.locator('h2, h3, h4'))).toEqual(expected.headings);
    expect(await textsOf(body.locator('li > p:first-child'))).toEqual(expected.listItems);
    expect(await textsOf(body.locator('ol > li > p:first-child'))).toEqual(expected.orderedListItems);
    expect(await textsOf(body.locator('li li > p:first-child'))).toEqual(expected.nestedListItems);
    const links = await body.locator('a').evaluateAll((anchors) => anchors.map((anchor) => ({ text: anchor.textContent ?? '', href: anchor.getAttribute('href') ?? '' })));
    expect(links.map((link) => ({ ...link, text: link.text.replace(/\s+/g, ' ').trim() }))).toEqual(expected.links);
    expect(await textsOf(body.locator('strong'))).toEqual(expected.boldTexts);
    expect(await textsOf(body.locator('em'))).toEqual(expected.italicTexts);
    expect(await textsOf(body.locator('s'))).toEqual(expected.strikeTexts);
    expect(await textsOf(body.locator('sup:not(.footnote-ref)'))).toEqual(expected.superscriptTexts);
    expect(await textsOf(body.locator('th, td'))).toEqual(expected.tableCells);
    const figures = await body.locator('figure').evaluateAll((nodes) =>
      nodes.map((node) => ({
        src: node.querySelector('img')?.getAttribute('src') ?? '',
        alt: node.querySelector('img')?.getAttribute('alt') ?? '',
        caption: (node.querySelector('figcaption')?.textContent ?? '').trim(),
      })),
    );
    expect(figures.map((figure) => ({ ...figure, caption: figure.caption.replace(/\s+/g, ' ') }))).toEqual(expected.figures);
    const html = await body.innerHTML();
    for (const text of expected.mustNotContain.texts) expect(html, text).not.toContain(text);
    for (const selector of expected.mustNotContain.selectors) await expect(body.locator(selector), selector).toHaveCount(0);
    await editor.waitSaved();
  });
}

test('an article copy carrying a styled link, an unknown entity and an over-long note pastes, saves, and is stored as shown', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  const id = await editor.create('Pasted from another article');
  const search = await page.request.get('/api/desk/entities/search?q=New%20START');
  const known = ((await search.json()) as { entities: { id: number; kind: string; name: string }[] }).entities[0]!;
  await editor.body.click();
  await paste(editor.body, editorCopyFragment(known));

  await expect(editor.body).toContainText('and Atlantis resumed');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitSaved();

  const shown = await editor.body.evaluate((element) => ({
    mentions: [...element.querySelectorAll('[data-entity-id]')].map((mention) => ({ entityId: Number(mention.getAttribute('data-entity-id')), label: mention.textContent })),
    notes: [...element.querySelectorAll('sup.footnote-ref')].map((marker) => marker.getAttribute('data-note')),
    links: [...element.querySelectorAll('a')].map((link) => ({ href: link.getAttribute('href'), className: link.getAttribute('class'), target: link.getAttribute('target') })),
    text: element.textContent,
  }));
  const response = await page.request.get(`/api/desk/articles/${id}`);
  const stored = ((await response.json()) as { article: { body: StoredNode } }).article.body;
  const storedMentions = nodesOf(stored, 'entityMention').map((mention) => ({ entityId: mention.attrs?.entityId, label: mention.attrs?.label }));
  const storedNotes = nodesOf(stored, 'footnote').map((note) => note.attrs?.note);
  const storedLinks = nodesOf(stored, 'text').flatMap((text) => (text.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs));

  expect(storedMentions).toEqual([{ entityId: known.id, label: known.name }]);
  expect(shown.mentions).toEqual(storedMentions);
  expect(storedNotes.length).toBeGreaterThan(1);
  expect(storedNotes.every((note) => typeof note === 'string' && note.length <= 2000)).toBe(true);
  expect(storedNotes.join(' ')).toBe(OVER_LONG_NOTE);
  expect(shown.notes).toEqual(storedNotes);
  expect(storedLinks).toEqual([expect.objectContaining({ href: 'https://www.un.org/disarmament/', class: null, target: null })]);
  expect(shown.links).toEqual([{ href: 'https://www.un.org/disarmament/', className: null, target: null }]);
  expect(shown.text).toBe(`Talks in ${known.name} and Atlantis resumed, says the UN.${'*'.repeat(storedNotes.length)}`);
  expect(textAsShown(stored)).toBe(shown.text);
  await expect(page.locator('p[role="alert"]')).toContainText('Pasted as plain text, since the entity it was tagged with does not exist here: “Atlantis”.');
});

test('an image from another site is left out of a paste with a message saying to upload it, and no figure is added', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  await editor.create('Pasted photo from the web');
  await editor.body.click();
  await paste(editor.body, FOREIGN_IMAGE_FRAGMENT);

  await expect(page.locator('p[role="alert"]')).toContainText(
    "Images from other sites can't be used directly: upload the image to the media library first. The pasted image was left out (“https://images.example.org/port.jpg”).",
  );
  // The caption's words stay as text; only the image is left out.
  await expect(editor.body.locator('p')).toHaveText(['Before the photo.', 'The first convoy', 'After the photo.']);
  await expect(editor.body.locator('figure, img')).toHaveCount(0);
  await editor.waitSaved();
});

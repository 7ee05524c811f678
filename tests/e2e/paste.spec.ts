import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { PASTE_FIXTURES } from './support/paste-fixtures';
import { signInAs } from './support/staff-session';

const squash = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim());

async function textsOf(locator: Locator): Promise<string[]> {
  return squash(await locator.allTextContents());
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

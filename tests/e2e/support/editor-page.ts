import { expect, type Locator, type Page } from '@playwright/test';

/** The article editor, driven as a writer would. */
export class EditorPage {
  readonly body: Locator;
  readonly status: Locator;
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.body = page.getByRole('textbox', { name: 'Article text' });
    this.status = page.getByTestId('save-status');
    this.title = page.getByLabel('Title', { exact: true });
  }

  /** Starts a new draft from the desk and waits for the editor. Returns the article's id. */
  async create(title: string): Promise<number> {
    await this.page.goto('/desk/articles/new');
    await this.page.getByLabel('Working title').fill(title);
    await this.page.getByRole('button', { name: 'Create draft' }).click();
    await expect(this.page).toHaveURL(/\/desk\/articles\/\d+$/);
    await expect(this.body).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  async open(id: number): Promise<void> {
    await this.page.goto(`/desk/articles/${id}`);
    await expect(this.body).toBeVisible();
  }

  /** Presses a formatting button, taking it from the More menu when the toolbar had no room for it. */
  async tool(name: string): Promise<void> {
    const toolbar = this.page.getByRole('toolbar', { name: 'Formatting' });
    const button = toolbar.getByRole('button', { name, exact: true });
    if (await button.isVisible()) {
      await button.click();
    } else {
      await toolbar.getByRole('button', { name: 'More formatting' }).click();
      const menu = this.page.getByRole('menu', { name: 'More formatting' });
      await menu.getByRole('menuitem', { name, exact: true }).or(menu.getByRole('menuitemcheckbox', { name, exact: true })).click();
    }
    await expect(this.body).toBeFocused();
  }

  /** Shows one of the panels beside the text (Workflow, Notes, Details, Tags) and returns it. */
  async showPanel(name: 'Workflow' | 'Notes' | 'Details' | 'Tags'): Promise<Locator> {
    await this.page.getByRole('tablist', { name: 'Article panels' }).getByRole('tab', { name, exact: true }).click();
    const panel = this.page.getByRole('tabpanel', { name, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }

  async typeParagraph(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async waitSaved(): Promise<void> {
    await expect(this.status).toHaveText(/^Saved at \d\d:\d\d$/, { timeout: 15_000 });
  }

  /** As an editor: submits the open article, approves it and publishes it now, waiting for each state. */
  async publishThroughReview(): Promise<void> {
    await this.showPanel('Workflow');
    const workflow = this.page.getByRole('region', { name: 'Workflow' });
    for (const [action, status] of [
      ['Submit for review', 'In review'],
      ['Approve', 'Approved'],
      ['Publish now', 'Published'],
    ] as const) {
      await workflow.getByRole('button', { name: action, exact: true }).click();
      await expect(this.page.getByTestId('workflow-status')).toHaveText(status);
    }
  }

  /** Selects the first occurrence of some words in the text, as a writer dragging over them would. */
  async selectText(words: string): Promise<void> {
    // The editor reads a selection only while it has focus (a panel's tab may hold it).
    await this.body.focus();
    await this.body.evaluate((element, target) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(target) ?? -1;
        if (index === -1) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${target}" is not in the text`);
    }, words);
    await expect(this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Tag as…' })).toBeEnabled();
  }

  async endOfBody(): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
  }
}

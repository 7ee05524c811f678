import { expect, type Locator, type Page } from '@playwright/test';

/** Chooses an option in one of the desk's selects by typing its text and clicking it in the list. */
export async function chooseOption(scope: Page | Locator, label: string | RegExp, text: string): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: label, exact: typeof label === 'string' ? true : undefined });
  // A click before the page is interactive opens nothing; click again until the list opens.
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
    await expect(combobox).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await combobox.fill(text);
  const page = 'page' in scope ? scope.page() : scope;
  // A short wait, so a caller retrying while the page settles gets another go.
  await page.getByRole('option', { name: text, exact: true }).click({ timeout: 5_000 });
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
}

/** Types a wall-clock time (`YYYY-MM-DDTHH:mm`) into a date-and-time picker named by its label. */
export async function fillDateTime(scope: Page | Locator, label: string | RegExp, wallTime: string): Promise<void> {
  const dateField = scope.getByLabel(label);
  await dateField.fill(wallTime.slice(0, 10));
  await timeFieldOf(dateField).fill(wallTime.slice(11, 16));
}

/** The time field that sits beside a picker's date field. */
export function timeFieldOf(dateField: Locator): Locator {
  return dateField.locator('..').getByRole('textbox', { name: /^Time/ });
}

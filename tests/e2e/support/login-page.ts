import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'masthead-demo';

/** The staff sign-in page, driven the way a person would. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    const submitted = this.page.waitForResponse((response) => response.request().method() === 'POST');
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await submitted;
    // Settled once the page has left the sign-in form, or come back to it empty; typing before
    // that would land in a page that is about to be replaced.
    await expect
      .poll(async () => !this.page.url().includes('/login') || (await this.page.getByLabel('Email').inputValue({ timeout: 500 }).catch(() => 'pending')) === '')
      .toBe(true);
  }

  alert() {
    return this.page.getByRole('main').getByRole('alert');
  }
}

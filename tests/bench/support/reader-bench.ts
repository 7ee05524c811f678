import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../support/chromium-launch-options';

/** The demo's longest published article: the page whose rendering costs the most. */
export function longestPublishedArticle(databasePath: string): { id: number; slug: string; title: string } {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db
      .prepare(
        `select a.id as id, r.slug as slug, r.title as title from articles a join revisions r on r.id = a.published_revision_id
         where a.status = 'published' order by r.word_count desc limit 1`,
      )
      .get() as { id: number; slug: string; title: string };
  } finally {
    db.close();
  }
}

/** An approved article, ready to schedule (the demo's next issue has some). */
export function approvedArticle(databasePath: string): { id: number; slug: string } | null {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare(`select id, slug from articles where status = 'approved' order by id limit 1`).get() as { id: number; slug: string } | undefined) ?? null;
  } finally {
    db.close();
  }
}

/** Signs the demo editor in through the real form in Chromium and returns the session cookie header. */
export async function editorCookie(url: string): Promise<string> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('editor@demo.masthead');
    await page.getByLabel('Password').fill('masthead-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/desk$/);
    return (await context.cookies(url)).map((entry) => `${entry.name}=${entry.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

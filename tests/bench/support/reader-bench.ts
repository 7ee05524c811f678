import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../support/chromium-launch-options';

/** The demo's longest published article open to everyone: the page whose rendering costs the most and that caches keep. */
export function longestPublishedArticle(databasePath: string): { id: number; slug: string; title: string } {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db
      .prepare(
        `select a.id as id, r.slug as slug, r.title as title from articles a join revisions r on r.id = a.published_revision_id
         where a.status = 'published' and a.published_access = 'public' order by r.word_count desc limit 1`,
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

type Editable = {
  version: number;
  title: string;
  dek: string;
  slug: string;
  body: unknown;
  sectionId: number | null;
  issueId: number | null;
  authors: { id: number }[];
  seoTitle: string;
  seoDescription: string;
  featuredImage: { id: number } | null;
};

export async function deskJson(url: string, cookie: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(url, { ...init, headers: { cookie, 'Content-Type': 'application/json', ...init.headers } });
  const data = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

/** Saves the article's working copy with a new title, everything else as it is, as the editor's Save does. */
export async function saveTitle({ url, cookie, articleId, title }: { url: string; cookie: string; articleId: number; title: string }): Promise<void> {
  const apiUrl = `${url}/api/desk/articles/${articleId}`;
  const current = (await deskJson(apiUrl, cookie)).article as Editable;
  await deskJson(apiUrl, cookie, {
    method: 'PUT',
    body: JSON.stringify({
      baseVersion: current.version,
      reason: 'save',
      title,
      dek: current.dek,
      slug: current.slug,
      body: current.body,
      sectionId: current.sectionId,
      issueId: current.issueId,
      authorContributorIds: current.authors.map((author) => author.id),
      seoTitle: current.seoTitle,
      seoDescription: current.seoDescription,
      featuredMediaId: current.featuredImage?.id ?? null,
    }),
  });
}

/** The editor's Update on a published article: its working copy becomes what readers see. */
export async function pressUpdate({ url, cookie, articleId }: { url: string; cookie: string; articleId: number }): Promise<void> {
  await deskJson(`${url}/api/desk/articles/${articleId}/workflow`, cookie, { method: 'POST', body: JSON.stringify({ action: 'update' }) });
}

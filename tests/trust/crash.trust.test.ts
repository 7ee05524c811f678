import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { delay, seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3210;
const KILLS = 20;
const WRITERS = 4;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-crash/masthead.db');

let app: AppProcess | undefined;
afterAll(async () => app?.kill());

type Ack = { articleId: number; version: number; marker: string };

it('keeps every acknowledged save and never half-publishes, through 20 kills of the server mid-work', async () => {
  seedDemo(databasePath);
  const articleIds = readPublishedIds().slice(0, WRITERS);
  const saves: Ack[] = [];
  const publications: Ack[] = [];
  let failedRequests = 0;

  for (let round = 1; round <= KILLS; round += 1) {
    app = await startApp({ port: PORT, databasePath });
    const editor = await signInStaff({ baseUrl: app.url, email: 'editor@demo.masthead' });
    let isKilled = false;
    const hammer = async (articleId: number) => {
      for (let step = 1; !isKilled; step += 1) {
        try {
          const article = await loadArticle(editor, articleId);
          const marker = `crash-${round}-${articleId}-${step}`;
          const saved = await editor.request(`/api/desk/articles/${articleId}`, { method: 'PUT', body: appendParagraph(article, marker) });
          if (saved.status === 200) saves.push({ articleId, version: saved.json.version as number, marker });
          if (step % 3 === 0 && saved.status === 200) {
            const published = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'update' } });
            if (published.status === 200) publications.push({ articleId, version: saved.json.version as number, marker });
          }
        } catch {
          // A request cut off by the kill was never acknowledged; nothing is owed for it.
          failedRequests += 1;
          return;
        }
      }
    };
    const running = articleIds.map((id) => hammer(id));
    await delay(800 + Math.random() * 2_500);
    isKilled = true;
    await app.kill();
    await Promise.all(running);
  }

  // One last clean start: migrations and the worker run over whatever the kills left.
  app = await startApp({ port: PORT, databasePath });
  await app.stop();
  app = undefined;

  const problems = verify({ saves, publications });
  recordTrustResult({
    check: 'Crash: SIGKILL during saves and publications',
    tried: KILLS,
    failures: problems.length,
    figures: `${saves.length} acknowledged saves and ${publications.length} acknowledged publications checked after ${KILLS} kills; ${failedRequests} requests cut off`,
  });
  expect(saves.length).toBeGreaterThan(KILLS * 2);
  expect(problems).toEqual([]);
});

function readPublishedIds(): number[] {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    return (sqlite.prepare("select id from articles where status = 'published' order by id").all() as { id: number }[]).map((row) => row.id);
  } finally {
    sqlite.close();
  }
}

function verify({ saves, publications }: { saves: Ack[]; publications: Ack[] }): string[] {
  const sqlite = new Database(databasePath, { readonly: true });
  const problems: string[] = [];
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const findSave = sqlite.prepare('select 1 from revisions where article_id = ? and version = ? and body_text like ?');
    for (const save of saves) {
      if (!findSave.get(save.articleId, save.version, `%${save.marker}%`)) problems.push(`acknowledged save lost: article ${save.articleId} version ${save.version}`);
    }
    const publishedVersion = sqlite.prepare('select r.version as version from articles a join revisions r on r.id = a.published_revision_id where a.id = ?');
    for (const publication of publications) {
      const row = publishedVersion.get(publication.articleId) as { version: number } | undefined;
      if (!row || row.version < publication.version) problems.push(`acknowledged publication lost: article ${publication.articleId} version ${publication.version}`);
    }
    const articles = sqlite.prepare('select id, status, published_revision_id as revisionId from articles').all() as { id: number; status: string; revisionId: number | null }[];
    const revisionOf = sqlite.prepare('select article_id as articleId from revisions where id = ?');
    const bylineCount = sqlite.prepare('select count(*) as n from published_article_authors where article_id = ?');
    const tagCount = sqlite.prepare('select count(*) as n from published_article_entities where article_id = ?');
    for (const article of articles) {
      const bylines = (bylineCount.get(article.id) as { n: number }).n;
      const tags = (tagCount.get(article.id) as { n: number }).n;
      if (article.status === 'published') {
        const revision = article.revisionId === null ? undefined : (revisionOf.get(article.revisionId) as { articleId: number } | undefined);
        if (!revision || revision.articleId !== article.id) problems.push(`article ${article.id} is published without its published revision`);
        if (bylines === 0) problems.push(`article ${article.id} is published without a published byline`);
      } else if (bylines > 0 || tags > 0) {
        problems.push(`article ${article.id} is ${article.status} but still has a public snapshot`);
      }
    }
  } finally {
    sqlite.close();
  }
  return problems;
}

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { MatrixFixtures, STAFF_EMAILS } from './support/authorization-fixtures';
import { signInStaff } from './support/staff-client';

const PORT = 3271;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-collab-stream/masthead.db');
let app: AppProcess | undefined;
afterAll(async () => app?.stop());

it('streams one writer’s update to another through `npm start` at once, as it is stored', async () => {
  seedDemo(databasePath);
  const fixtures = new MatrixFixtures(databasePath);
  const draft = fixtures.draft();
  fixtures.close();
  app = await startApp({ port: PORT, databasePath, env: { MASTHEAD_WORKER: 'off' } });
  const url = app.url;
  const author = (await signInStaff({ baseUrl: url, email: STAFF_EMAILS.author })).cookie;
  const editor = (await signInStaff({ baseUrl: url, email: STAFF_EMAILS.editor })).cookie;
  const joined = (await (await fetch(`${url}/api/desk/articles/${draft.id}/collab`, { headers: { Cookie: author, Origin: url } })).json()) as { state: string; seq: number };
  const stream = await fetch(`${url}/api/desk/articles/${draft.id}/collab/stream?since=${joined.seq}&origin=author-tab&wait=5000`, { headers: { Cookie: author, Origin: url, 'Accept-Encoding': 'gzip' } });
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = stream.body!.getReader();

  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(joined.state, 'base64'));
  const before = Y.encodeStateVector(doc);
  ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Checked figure: ');
  const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
  const sentAt = Date.now();
  const posted = await fetch(`${url}/api/desk/articles/${draft.id}/collab`, { method: 'POST', headers: { Cookie: editor, Origin: url, 'Content-Type': 'application/json' }, body: JSON.stringify({ update, origin: 'editor-tab' }) });
  expect(await posted.json()).toEqual({ ok: true, seq: 1 });

  let received = '';
  while (!received.includes('event: update')) {
    const { value, done } = await reader.read();
    if (done) break;
    received += new TextDecoder().decode(value);
  }
  await reader.cancel();
  expect(Date.now() - sentAt).toBeLessThan(1_000);
  const sqlite = new Database(databasePath, { readonly: true });
  const stored = sqlite.prepare('select "update" from collab_updates where article_id = ? and seq = 1').get(draft.id) as { update: Buffer };
  const article = sqlite.prepare('select body_text from articles where id = ?').get(draft.id) as { body_text: string };
  sqlite.close();
  expect(received).toContain(`data: {"seq":1,"update":"${stored.update.toString('base64')}"}`);
  expect(article.body_text).toBe(`Checked figure: ${draft.title} body.`);
}, 120_000);

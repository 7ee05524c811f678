import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo } from './support/app-process';
import { recordTrustResult } from './support/trust-results';

const run = promisify(execFile);
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-concurrency/masthead.db');

type WriterReport = { label: string; articleId: number; acknowledged: { version: number; marker: string }[]; conflicts: number; errors: string[] };

function writer({ articleId, count, label, actor }: { articleId: number; count: number; label: string; actor: object }): Promise<WriterReport> {
  return run(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'tests/trust/support/save-writer.ts', String(articleId), String(count), label, JSON.stringify(actor)], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath, MASTHEAD_WORKER: 'off' },
    maxBuffer: 64 * 1024 * 1024,
  }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as WriterReport);
}

it('loses no update: two processes × 500 interleaved saves on one article, and ten on ten articles', async () => {
  seedDemo(databasePath);
  const sqlite = new Database(databasePath, { readonly: true });
  const editor = sqlite.prepare("select id, email, name, role from users where email = 'editor@demo.masthead'").get();
  const articleIds = (sqlite.prepare("select id from articles order by id limit 11").all() as { id: number }[]).map((row) => row.id);
  sqlite.close();

  const started = performance.now();
  const shared = await Promise.all(['a', 'b'].map((label) => writer({ articleId: articleIds[0]!, count: 500, label: `shared-${label}`, actor: editor! })));
  const sharedSeconds = (performance.now() - started) / 1000;
  const separate = await Promise.all(articleIds.slice(1, 11).map((articleId, index) => writer({ articleId, count: 100, label: `own-${index}`, actor: editor! })));
  const reports = [...shared, ...separate];

  const problems: string[] = [];
  const check = new Database(databasePath, { readonly: true });
  const findRevision = check.prepare('select body_text as text from revisions where article_id = ? and version = ?');
  const findWorkingCopy = check.prepare('select version, body_text as text from articles where id = ?');
  const lostSaves: string[] = [];
  const latestByArticle = new Map<number, { version: number; marker: string }>();
  const versionsByArticle = new Map<number, number[]>();
  for (const report of reports) {
    problems.push(...report.errors.map((error) => `${report.label}: ${error}`));
    const answered = report.acknowledged.length + report.conflicts + report.errors.length;
    const expected = report.label.startsWith('shared') ? 500 : 100;
    if (answered !== expected) problems.push(`${report.label}: ${answered} of ${expected} saves were answered`);
    for (const save of report.acknowledged) {
      const revision = findRevision.get(report.articleId, save.version) as { text: string } | undefined;
      if (revision?.text !== save.marker) lostSaves.push(`${report.label}: acknowledged "${save.marker}" as version ${save.version}, the history holds ${JSON.stringify(revision?.text ?? null)}`);
      versionsByArticle.set(report.articleId, [...(versionsByArticle.get(report.articleId) ?? []), save.version]);
      const latest = latestByArticle.get(report.articleId);
      if (!latest || save.version > latest.version) latestByArticle.set(report.articleId, save);
    }
  }
  // The newest acknowledged save of each article must be its working copy: nothing after it was accepted silently.
  for (const [articleId, latest] of latestByArticle) {
    const workingCopy = findWorkingCopy.get(articleId) as { version: number; text: string };
    if (workingCopy.version !== latest.version || workingCopy.text !== latest.marker) {
      lostSaves.push(`article ${articleId}: the last acknowledged save was "${latest.marker}" (version ${latest.version}), the working copy is version ${workingCopy.version} with ${JSON.stringify(workingCopy.text.slice(0, 60))}`);
    }
  }
  for (const [articleId, versions] of versionsByArticle) {
    if (new Set(versions).size !== versions.length) problems.push(`article ${articleId}: two writers were told they saved the same version`);
  }
  check.close();
  problems.push(...lostSaves);

  const acknowledgedCount = (group: WriterReport[]) => group.reduce((sum, report) => sum + report.acknowledged.length, 0);
  const sharedConflicts = shared.reduce((sum, report) => sum + report.conflicts, 0);
  recordTrustResult({
    check: 'Concurrency: interleaved saves from separate processes',
    tried: 2 * 500 + 10 * 100,
    failures: problems.length,
    figures: `one article: ${acknowledgedCount(shared)} saved, ${sharedConflicts} reported as conflicts (${sharedSeconds.toFixed(1)} s); ten articles: ${acknowledgedCount(separate)} saved; acknowledged saves missing from the database: ${lostSaves.length}; "database is locked" errors: ${reports.reduce((sum, report) => sum + report.errors.filter((error) => /locked|busy/i.test(error)).length, 0)}`,
  });
  expect(sharedConflicts).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

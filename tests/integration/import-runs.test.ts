import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { claimNextJob, getJob } from '@/lib/platform/jobs/job-queue';
import { JOB_HANDLERS } from '@/lib/platform/jobs/job-handlers';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import type { ImportItem, ImportSourceReader } from '@/lib/migration/import/import-model';
import type { ImportWriter } from '@/lib/migration/import/import-parts';
import { commitDryRun, getImportRun, listImportRuns, startImportRun } from '@/lib/migration/import/import-runs';
import { createImportJobHandler } from '@/lib/migration/import/run-import-job';
import { storeImportFile } from '@/lib/migration/import/store-import-file';
import { createTestStaff } from '../factories/staff';
import { makeTempFolder, withTempDatabase } from '../factories/temp-database';

const subscribers: ImportItem[] = [
  { kind: 'subscriber', email: 'ana@example.org', name: 'Ana', status: 'confirmed', where: 'line 2' },
  { kind: 'subscriber', email: 'not-an-address', name: 'Bo', status: 'confirmed', where: 'line 3' },
  { kind: 'subscriber', email: 'cy@example.org', name: 'Cy', status: 'unsubscribed', where: 'line 4' },
];

/** A reader over a fixed list, remembering which file it was opened on. */
function listReader(items: ImportItem[], opened: string[]) {
  return (filePath: string): ImportSourceReader => {
    opened.push(filePath);
    return {
      source: 'subscribers',
      countItems: async () => items.length,
      items: async function* () {
        yield* items;
      },
      warnings: [{ item: 'the file', message: 'Column “tags” was not recognised and was left out.' }],
    };
  };
}

/** Counts subscribers as a writer would, flagging the address that is not one; its report holds the reader's warnings too, as the real writer's does. */
const countingWriter: ImportWriter = async ({ reader, onProgress }) => {
  const total = await reader.countItems();
  let done = 0;
  let created = 0;
  const warnings = [];
  for await (const item of reader.items()) {
    if (item.kind === 'subscriber' && !item.email.includes('@')) warnings.push({ item: item.where, message: `“${item.email}” is not an email address; skipped.` });
    else created += 1;
    done += 1;
    onProgress?.(done, total);
  }
  return { counts: { subscriber: { created, updated: 0, unchanged: 0, skipped: total - created, failed: 0 } }, warnings: [...reader.warnings, ...warnings] };
};

async function runNextImportJob(handler = createImportJobHandler({ readerFor: () => listReader(subscribers, []), writer: countingWriter })) {
  const job = claimNextJob({ kinds: ['import'] });
  if (!job) throw new Error('No import job was queued.');
  await handler(job);
  return job;
}

function csvFile(): string {
  const file = path.join(makeTempFolder(), 'members.csv');
  fs.writeFileSync(file, 'email,name,status\nana@example.org,Ana,subscribed\n');
  return file;
}

describe('import runs', () => {
  withTempDatabase();

  it('queues an import job for a new run, and the worker knows the kind', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const { runId } = startImportRun({ source: 'subscribers', fileName: 'members.csv', filePath: csvFile(), options: { dryRun: true, fetchImages: false }, actor: admin });
    const run = getImportRun(runId)!;
    expect(run).toMatchObject({ status: 'queued', isDryRun: true, fileName: 'members.csv', createdByName: admin.name });
    expect(getJob(run.jobId!)).toMatchObject({ kind: 'import', payload: { runId }, status: 'queued' });
    expect(typeof JOB_HANDLERS.import).toBe('function');
  });

  it('refuses a file that is not there, with a sentence naming it', () => {
    expect(() => startImportRun({ source: 'wordpress', fileName: 'x.xml', filePath: '/nowhere/x.xml', options: { dryRun: true, fetchImages: true }, actor: null })).toThrow(
      /There is no file at \/nowhere\/x\.xml/,
    );
    expect(listImportRuns({ limit: 10 })).toEqual([]);
  });

  it('saves progress while it runs, then the counts and every warning with its item', async () => {
    const seenMidway: { run: unknown; jobDone: number }[] = [];
    const watchingWriter: ImportWriter = async (input) =>
      countingWriter({
        ...input,
        onProgress: (done, total) => {
          input.onProgress?.(done, total);
          if (done === 2) {
            const run = getImportRun(runId)!;
            seenMidway.push({ run: { status: run.status, progressDone: run.progressDone, progressTotal: run.progressTotal }, jobDone: getJob(run.jobId!)!.progressDone });
          }
        },
      });
    const { runId } = startImportRun({ source: 'subscribers', fileName: 'members.csv', filePath: csvFile(), options: { dryRun: true, fetchImages: false }, actor: null });
    await runNextImportJob(createImportJobHandler({ readerFor: () => listReader(subscribers, []), writer: watchingWriter, progressIntervalMs: 0 }));

    expect(seenMidway).toEqual([{ run: { status: 'running', progressDone: 2, progressTotal: 3 }, jobDone: 2 }]);
    const run = getImportRun(runId)!;
    expect(run).toMatchObject({ status: 'done', progressDone: 3, progressTotal: 3, error: null });
    expect(run.counts).toEqual({ subscriber: { created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 0 } });
    expect(run.warnings).toEqual([
      { item: 'the file', message: 'Column “tags” was not recognised and was left out.' },
      { item: 'line 3', message: '“not-an-address” is not an email address; skipped.' },
    ]);
    expect(run.finishedAt).not.toBeNull();
  });

  it('writes progress a few times a second at most, not once per item', async () => {
    const many: ImportItem[] = Array.from({ length: 500 }, (_, index) => ({ kind: 'subscriber', email: `r${index}@example.org`, name: '', status: 'confirmed', where: `line ${index + 2}` }));
    let midway: unknown;
    const writer: ImportWriter = async (input) => {
      for (let done = 1; done <= 500; done += 1) input.onProgress?.(done, 500);
      const run = getImportRun(runId)!;
      midway = { done: run.progressDone, total: run.progressTotal };
      return { counts: { subscriber: { created: 500, updated: 0, unchanged: 0, skipped: 0, failed: 0 } }, warnings: [] };
    };
    const { runId } = startImportRun({ source: 'subscribers', fileName: 'many.csv', filePath: csvFile(), options: { dryRun: false, fetchImages: false }, actor: null });
    await runNextImportJob(createImportJobHandler({ readerFor: () => listReader(many, []), writer, progressIntervalMs: 60_000 }));
    // Only the opening write (the total) fell inside the minute; the 500 steps after it waited.
    expect(midway).toEqual({ done: 0, total: 500 });
    expect(getImportRun(runId)).toMatchObject({ status: 'done', progressDone: 500, progressTotal: 500 });
  });

  it('saves a failure as the sentence a person can act on, without a stack', async () => {
    const { runId } = startImportRun({ source: 'wordpress', fileName: 'notes.txt', filePath: csvFile(), options: { dryRun: true, fetchImages: true }, actor: null });
    const refusing = createImportJobHandler({
      readerFor: () => () => {
        throw new InvalidInputError('This file is not a WordPress export (WXR): it has no <rss> element.');
      },
      writer: countingWriter,
    });
    const job = claimNextJob({ kinds: ['import'] })!;
    await expect(refusing(job)).rejects.toThrow(/not a WordPress export/);
    const run = getImportRun(runId)!;
    expect(run.status).toBe('failed');
    expect(run.error).toBe('This file is not a WordPress export (WXR): it has no <rss> element.');
    expect(run.error).not.toMatch(/\n\s+at /);
  });

  it('starts again from nothing when its job is run a second time after a crash', async () => {
    const { runId } = startImportRun({ source: 'subscribers', fileName: 'members.csv', filePath: csvFile(), options: { dryRun: false, fetchImages: false }, actor: null });
    const job = claimNextJob({ kinds: ['import'] })!;
    const crashing: ImportWriter = async ({ onProgress }) => {
      onProgress?.(1, 3);
      throw new Error('The process stopped.');
    };
    await createImportJobHandler({ readerFor: () => listReader(subscribers, []), writer: crashing, progressIntervalMs: 0 })(job).catch(() => undefined);
    await createImportJobHandler({ readerFor: () => listReader(subscribers, []), writer: countingWriter })(job);
    expect(getImportRun(runId)).toMatchObject({ status: 'done', error: null, progressDone: 3, counts: { subscriber: { created: 2, skipped: 1 } } });
  });

  it('imports for real from a finished dry run, with the same file and options, once', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const filePath = csvFile();
    const { runId: dryRunId } = startImportRun({ source: 'subscribers', fileName: 'members.csv', filePath, options: { dryRun: true, fetchImages: false, mediaDir: '/srv/old/uploads' }, actor: admin });
    expect(() => commitDryRun(dryRunId, admin)).toThrow(/has not finished/);
    const opened: string[] = [];
    const dryRuns: boolean[] = [];
    const media: unknown[] = [];
    const handler = createImportJobHandler({
      readerFor: () => listReader(subscribers, opened),
      writer: async (input) => {
        dryRuns.push(input.dryRun);
        media.push(input.media);
        return countingWriter(input);
      },
    });
    await runNextImportJob(handler);

    const { runId } = commitDryRun(dryRunId, admin);
    expect(runId).not.toBe(dryRunId);
    expect(commitDryRun(dryRunId, admin).runId).toBe(runId);
    const real = getImportRun(runId)!;
    expect(real).toMatchObject({ isDryRun: false, status: 'queued', source: 'subscribers', fileName: 'members.csv', fromDryRunId: dryRunId });
    expect(getImportRun(dryRunId)!.realRunId).toBe(runId);
    await runNextImportJob(handler);

    expect(opened).toEqual([filePath, filePath]);
    expect(dryRuns).toEqual([true, false]);
    expect(media).toEqual([
      { mediaDir: '/srv/old/uploads', fetchImages: false },
      { mediaDir: '/srv/old/uploads', fetchImages: false },
    ]);
    expect(getImportRun(runId)).toMatchObject({ status: 'done' });
    expect(() => commitDryRun(runId, admin)).toThrow(/already a real import/);
    expect(listImportRuns({ limit: 10 }).map((run) => run.id)).toEqual([runId, dryRunId]);
  });

  it('keeps an uploaded file through its dry run and removes it once the real import is done', async () => {
    const stored = await storeImportFile({ fileName: 'members.csv', body: Readable.from([Buffer.from('email\nana@example.org\n')]) });
    if (!stored.ok) throw new Error(stored.error);
    const { runId } = startImportRun({ source: 'subscribers', fileName: 'members.csv', filePath: stored.filePath, options: { dryRun: true, fetchImages: false }, actor: null });
    await runNextImportJob();
    expect(fs.existsSync(stored.filePath)).toBe(true);
    commitDryRun(runId, null);
    await runNextImportJob();
    expect(fs.existsSync(stored.filePath)).toBe(false);
  });

  it('keeps an uploaded file under the data folder with a safe name, and refuses one over the limit', async () => {
    const stored = await storeImportFile({ fileName: '../../etc/pass wd.xml', body: Readable.from([Buffer.from('<rss/>')]), maxBytes: 100 });
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(path.dirname(stored.filePath)).toBe(path.join(path.dirname(process.env.DATABASE_PATH!), 'imports'));
    expect(path.basename(stored.filePath)).toMatch(/^[0-9a-f-]+-pass-wd\.xml$/);
    expect(fs.readFileSync(stored.filePath, 'utf8')).toBe('<rss/>');

    const tooBig = await storeImportFile({ fileName: 'big.xml', body: Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), maxBytes: 100 });
    expect(tooBig).toEqual({ ok: false, status: 413, error: 'The file is larger than 100 bytes, the most an import takes; nothing was saved.' });
    expect(fs.readdirSync(path.dirname(stored.filePath))).toHaveLength(1);
  });
});

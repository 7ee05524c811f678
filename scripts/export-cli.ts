import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportSite, type ExportResult } from '@/lib/migration/export/export-site';
import { folderExportWriter } from '@/lib/migration/export/export-writer';
import { exportWxr } from '@/lib/migration/export/export-wxr';
import { streamExportZip } from '@/lib/migration/export/export-zip';
import { runCommand } from './run-command';

const USAGE = 'Name where the export goes: npm run export -- <empty folder>, npm run export -- --zip <file.zip>, or npm run export -- --wxr <file.xml>';

function printResult({ counts, warnings }: ExportResult): void {
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
  console.log(
    `Exported ${counts.articles} articles, ${counts.issues} issues, ${counts.sections} sections, ${counts.contributors} contributors, ${counts.entities} entities, ` +
      `${counts.pages} pages, ${counts.navigation} menu links, ${counts.redirects} redirects, ${counts.media} images (${counts.mediaFiles} files) and ${counts.subscribers} subscribers.`,
  );
}

/** `npm run export -- <dir>` (or `--zip <file>`, `--wxr <file>`): the whole magazine, to move it elsewhere. */
runCommand(async () => {
  const [first, second] = process.argv.slice(2);
  if (!first || ((first === '--zip' || first === '--wxr') && !second)) {
    console.error(USAGE);
    return 2;
  }
  if (first === '--wxr') {
    await exportWxr({ write: folderExportWriter(path.dirname(path.resolve(second!))), fileName: path.basename(second!) });
    console.log(`Wrote the WordPress export (WXR 1.2) to ${second}.`);
    return 0;
  }
  if (first === '--zip') {
    const { stream, done } = streamExportZip();
    const [, result] = await Promise.all([pipeline(stream, fs.createWriteStream(second!)), done]);
    printResult(result);
    console.log(`Wrote ${second}.`);
    return 0;
  }
  const folder = path.resolve(first);
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    console.error(`${first} is not empty; choose a new or empty folder so nothing there is overwritten.`);
    return 1;
  }
  fs.mkdirSync(folder, { recursive: true });
  printResult(await exportSite({ write: folderExportWriter(folder) }));
  console.log(`Wrote ${folder}.`);
  return 0;
});

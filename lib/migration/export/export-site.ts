import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { getDb } from '@/db/client';
import { redirects, subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { buildExportDocument } from './build-export-document';
import { REDIRECT_CSV_COLUMNS, SUBSCRIBER_CSV_COLUMNS } from './export-schema';
import type { ExportWriter } from './export-writer';
import { exportWxr } from './export-wxr';

export const EXPORT_DOCUMENT_FILE = 'masthead-export.json';
export const WXR_FILE = 'wordpress.xml';

export type ExportCounts = {
  sections: number;
  contributors: number;
  entities: number;
  issues: number;
  articles: number;
  pages: number;
  navigation: number;
  redirects: number;
  media: number;
  mediaFiles: number;
  subscribers: number;
};

export type ExportResult = { counts: ExportCounts; warnings: string[] };

const isoOrEmpty = (value: Date | null) => (value ? value.toISOString() : '');

/** Subscribers with their consent as it stands: unsubscribed readers stay unsubscribed wherever the list goes. */
export function subscribersCsv(): { csv: string; count: number } {
  const rows = getDb().select().from(subscribers).orderBy(asc(subscribers.id)).all();
  const csv = stringify(
    rows.map((row) => [row.email, row.name, row.status, row.wantsIssueEmail ? 'yes' : 'no', row.alertFrequency, isoOrEmpty(row.confirmedAt), isoOrEmpty(row.unsubscribedAt), row.createdAt.toISOString()]),
    { header: true, columns: [...SUBSCRIBER_CSV_COLUMNS] },
  );
  return { csv, count: rows.length };
}

export function redirectsCsv(): string {
  const rows = getDb().select().from(redirects).orderBy(asc(redirects.id)).all();
  return stringify(
    rows.map((row) => [row.fromPath, row.toPath, row.origin, row.hits]),
    { header: true, columns: [...REDIRECT_CSV_COLUMNS] },
  );
}

/**
 * Writes the whole magazine: the export document, subscribers and redirects as CSV, the WordPress file,
 * and every image (the original and its resized variants, so pages show the same files without re-rendering).
 */
export async function exportSite({ write, includeWxr = true, now = new Date() }: { write: ExportWriter; includeWxr?: boolean; now?: Date }): Promise<ExportResult> {
  const document = buildExportDocument({ now, wordpressFile: includeWxr ? WXR_FILE : undefined });
  const warnings: string[] = [];
  await write.addText(EXPORT_DOCUMENT_FILE, `${JSON.stringify(document, null, 2)}\n`);
  const subscriberList = subscribersCsv();
  await write.addText(document.files.subscribers, subscriberList.csv);
  await write.addText(document.files.redirects, redirectsCsv());

  const { mediaDir } = getConfig();
  let mediaFiles = 0;
  for (const item of document.media) {
    for (const stored of [item.originalPath, ...item.variants.map((variant) => variant.path)]) {
      const absolute = path.resolve(mediaDir, ...stored.split('/'));
      if (!absolute.startsWith(mediaDir + path.sep) || !fs.existsSync(absolute)) {
        warnings.push(`Image ${item.id} (${item.originalName}): the file ${stored} is missing from the media folder.`);
        continue;
      }
      await write.addFile(`${document.files.media}${stored}`, absolute);
      mediaFiles += 1;
    }
  }
  if (includeWxr) await exportWxr({ write, fileName: WXR_FILE, now });

  return {
    counts: {
      sections: document.sections.length,
      contributors: document.contributors.length,
      entities: document.entities.length,
      issues: document.issues.length,
      articles: document.articles.length,
      pages: document.pages.length,
      navigation: document.navigation.length,
      redirects: document.redirects.length,
      media: document.media.length,
      mediaFiles,
      subscribers: subscriberList.count,
    },
    warnings,
  };
}

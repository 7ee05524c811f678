import 'server-only';
import { createHash } from 'node:crypto';
import { desc, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cspViolations } from '@/db/schema';
import type { RateLimit } from '@/lib/readers/hit-rate-limit';
import type { CspReport } from './parse-csp-reports';

export const CSP_REPORT_LIMITS = {
  /** A Reporting API batch of a hundred reports stays well under this. */
  maxBodyBytes: 64 * 1024,
  /** A browser sends a report per violation; a page that keeps failing is one row anyway. */
  perAddress: { bucket: 'csp-report:ip', limit: 60, windowMs: 10 * 60 * 1000 } satisfies RateLimit,
  /** Distinct violations kept; the least recently seen go first. */
  maxRows: 500,
  maxFieldLength: 2048,
  maxSampleLength: 256,
};

/**
 * Stores each violation once (by directive, blocked URL, page and source position) and counts
 * repeats. URLs lose their query strings and fragments, where tokens and personal data travel.
 */
export function recordCspReports({ reports, now = new Date() }: { reports: CspReport[]; now?: Date }): void {
  if (reports.length === 0) return;
  const db = getDb();
  db.transaction((tx) => {
    for (const report of reports) {
      const row = normalised(report);
      tx.insert(cspViolations)
        .values({ ...row, fingerprint: fingerprintOf(row), firstSeenAt: now, lastSeenAt: now })
        .onConflictDoUpdate({ target: cspViolations.fingerprint, set: { count: sql`${cspViolations.count} + 1`, lastSeenAt: now, sample: row.sample } })
        .run();
    }
    const oldestKept = tx
      .select({ lastSeenAt: cspViolations.lastSeenAt })
      .from(cspViolations)
      .orderBy(desc(cspViolations.lastSeenAt))
      .limit(1)
      .offset(CSP_REPORT_LIMITS.maxRows - 1)
      .get();
    if (oldestKept) tx.delete(cspViolations).where(lt(cspViolations.lastSeenAt, oldestKept.lastSeenAt)).run();
  });
}

function normalised(report: CspReport): CspReport {
  return {
    directive: clip(report.directive, 128),
    blockedUrl: clip(withoutQuery(report.blockedUrl), CSP_REPORT_LIMITS.maxFieldLength),
    documentUrl: clip(withoutQuery(report.documentUrl), CSP_REPORT_LIMITS.maxFieldLength),
    sourceFile: clip(withoutQuery(report.sourceFile), CSP_REPORT_LIMITS.maxFieldLength),
    lineNumber: report.lineNumber,
    columnNumber: report.columnNumber,
    sample: clip(report.sample, CSP_REPORT_LIMITS.maxSampleLength),
    disposition: report.disposition,
  };
}

function fingerprintOf(row: Omit<CspReport, 'sample'>): string {
  const key = [row.directive, row.blockedUrl, row.documentUrl, row.sourceFile, row.lineNumber ?? '', row.columnNumber ?? '', row.disposition].join('\n');
  return createHash('sha256').update(key).digest('hex');
}

function withoutQuery(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? '';
}

function clip(value: string, length: number): string {
  return value.length > length ? value.slice(0, length) : value;
}

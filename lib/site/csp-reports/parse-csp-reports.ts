import { z } from 'zod';
import { CSP_DISPOSITIONS } from '@/db/schema';

/** One violation as the browser described it, in either report format. */
export type CspReport = {
  directive: string;
  blockedUrl: string;
  documentUrl: string;
  sourceFile: string;
  lineNumber: number | null;
  columnNumber: number | null;
  sample: string;
  disposition: (typeof CSP_DISPOSITIONS)[number];
};

export type CspReportParse = { ok: true; reports: CspReport[] } | { ok: false; error: string };

const text = z.string().max(4096);
const position = z.number().int().nonnegative().optional();

/** `report-uri`: one `{"csp-report": {…}}` per request (application/csp-report). */
const legacyReport = z.object({
  'csp-report': z
    .object({
      'document-uri': text,
      'blocked-uri': text.optional(),
      'effective-directive': text.optional(),
      'violated-directive': text.optional(),
      'source-file': text.optional(),
      'line-number': position,
      'column-number': position,
      'script-sample': text.optional(),
      disposition: z.enum(CSP_DISPOSITIONS).optional(),
    })
    .refine((report) => Boolean(report['effective-directive'] || report['violated-directive']), { message: 'names no directive' }),
});

/** `report-to`: a batch of reports of any type (application/reports+json); only CSP violations are kept. */
const reportingBatch = z
  .array(z.object({ type: z.string().max(64), body: z.unknown() }))
  .min(1)
  .max(100);

const violationBody = z.object({
  documentURL: text,
  blockedURL: text.optional(),
  effectiveDirective: text.min(1),
  sourceFile: text.optional(),
  lineNumber: position,
  columnNumber: position,
  sample: text.optional(),
  disposition: z.enum(CSP_DISPOSITIONS).optional(),
});

/** Reads either report format (told apart by shape, since some browsers send plain application/json). */
export function parseCspReports(value: unknown): CspReportParse {
  if (Array.isArray(value)) return parseReportingBatch(value);
  const legacy = legacyReport.safeParse(value);
  if (!legacy.success) return refusal(legacy.error);
  const report = legacy.data['csp-report'];
  return {
    ok: true,
    reports: [
      {
        directive: report['effective-directive'] || firstWord(report['violated-directive'] ?? ''),
        blockedUrl: report['blocked-uri'] ?? '',
        documentUrl: report['document-uri'],
        sourceFile: report['source-file'] ?? '',
        lineNumber: report['line-number'] ?? null,
        columnNumber: report['column-number'] ?? null,
        sample: report['script-sample'] ?? '',
        disposition: report.disposition ?? 'enforce',
      },
    ],
  };
}

function parseReportingBatch(value: unknown[]): CspReportParse {
  const batch = reportingBatch.safeParse(value);
  if (!batch.success) return refusal(batch.error);
  const reports: CspReport[] = [];
  for (const entry of batch.data) {
    if (entry.type !== 'csp-violation') continue;
    const body = violationBody.safeParse(entry.body);
    if (!body.success) return refusal(body.error);
    reports.push({
      directive: body.data.effectiveDirective,
      blockedUrl: body.data.blockedURL ?? '',
      documentUrl: body.data.documentURL,
      sourceFile: body.data.sourceFile ?? '',
      lineNumber: body.data.lineNumber ?? null,
      columnNumber: body.data.columnNumber ?? null,
      sample: body.data.sample ?? '',
      disposition: body.data.disposition ?? 'enforce',
    });
  }
  return { ok: true, reports };
}

function refusal(error: z.ZodError): CspReportParse {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `The body is not a CSP violation report${where}: ${issue?.message ?? 'unexpected shape'}.` };
}

function firstWord(value: string): string {
  return value.trim().split(/\s+/, 1)[0] ?? '';
}

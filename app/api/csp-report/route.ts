import { clientIp } from '@/lib/staff/auth/client-ip';
import { readLimitedText } from '@/lib/platform/http/read-limited-text';
import { hitRateLimits } from '@/lib/readers/hit-rate-limit';
import { parseCspReports } from '@/lib/site/csp-reports/parse-csp-reports';
import { CSP_REPORT_LIMITS, recordCspReports } from '@/lib/site/csp-reports/record-csp-reports';

const REPORT_TYPES = ['application/reports+json', 'application/csp-report', 'application/json'];

/**
 * Where browsers send Content-Security-Policy violations (`report-to` and the older `report-uri`).
 * Anyone may report, as browsers send no credentials; so the body is capped, checked and rate-limited
 * per address, and only a deduplicated summary is stored for administrators.
 */
export async function POST(request: Request): Promise<Response> {
  const contentType = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (!REPORT_TYPES.includes(contentType)) return refusal(415, 'Send reports as application/reports+json or application/csp-report.');
  const body = await readLimitedText({ request, maxBytes: CSP_REPORT_LIMITS.maxBodyBytes });
  if (body === null) return refusal(413, `A report may be at most ${CSP_REPORT_LIMITS.maxBodyBytes / 1024} KB.`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return refusal(400, 'The body is not valid JSON.');
  }
  const parsed = parseCspReports(value);
  if (!parsed.ok) return refusal(400, parsed.error);
  try {
    if (!hitRateLimits({ hits: [{ limit: CSP_REPORT_LIMITS.perAddress, key: clientIp(request.headers) }] })) {
      return refusal(429, 'Too many reports from this address; later ones are dropped for a few minutes.');
    }
    recordCspReports({ reports: parsed.reports });
  } catch (error) {
    console.error('Storing a CSP report failed:', error);
    return refusal(500, 'The report could not be stored.');
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

function refusal(status: number, error: string): Response {
  return Response.json({ ok: false, error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

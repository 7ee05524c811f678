import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/csp-report/route';
import { getDb } from '@/db/client';
import { cspViolations } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { CSP_REPORT_LIMITS } from '@/lib/site/csp-reports/record-csp-reports';
import { listCspViolations } from '@/lib/site/csp-reports/list-csp-violations';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** What Chromium sends to a `report-to` endpoint: a batch of reports of several types. */
const REPORTING_API_BATCH = [
  {
    type: 'csp-violation',
    age: 12,
    url: 'https://magazine.example/articles/new-start?utm_source=mail',
    user_agent: 'Mozilla/5.0',
    body: {
      documentURL: 'https://magazine.example/articles/new-start?utm_source=mail',
      referrer: '',
      blockedURL: 'trusted-types-sink',
      effectiveDirective: 'require-trusted-types-for',
      originalPolicy: "default-src 'self'; require-trusted-types-for 'script'",
      sourceFile: 'https://magazine.example/_next/static/chunks/app.js',
      sample: 'Element innerHTML|<b>x</b>',
      disposition: 'enforce',
      statusCode: 200,
      lineNumber: 3,
      columnNumber: 120,
    },
  },
  { type: 'deprecation', age: 1, url: 'https://magazine.example/', user_agent: 'Mozilla/5.0', body: { id: 'Something', message: 'old' } },
];

/** What a browser sends to a `report-uri` endpoint: one report per request. */
const REPORT_URI_BODY = {
  'csp-report': {
    'document-uri': 'https://magazine.example/desk/articles/4?token=secret',
    referrer: '',
    'violated-directive': 'script-src-elem',
    'effective-directive': 'script-src-elem',
    'original-policy': "script-src 'self'",
    disposition: 'enforce',
    'blocked-uri': 'https://evil.example/x.js?id=1',
    'status-code': 200,
    'script-sample': '',
  },
};

function report({ body, contentType, ip = '198.51.100.7' }: { body: string; contentType: string; ip?: string }): Promise<Response> {
  return POST(new Request('http://localhost:3000/api/csp-report', { method: 'POST', body, headers: { 'content-type': contentType, 'x-forwarded-for': ip } }));
}

function storedRows() {
  return getDb().select().from(cspViolations).orderBy(cspViolations.id).all();
}

describe('POST /api/csp-report', () => {
  it('stores a Reporting API batch (application/reports+json), keeping only CSP violations and no query strings', async () => {
    const response = await report({ body: JSON.stringify(REPORTING_API_BATCH), contentType: 'application/reports+json' });
    expect(response.status).toBe(204);
    expect(storedRows()).toMatchObject([
      {
        directive: 'require-trusted-types-for',
        blockedUrl: 'trusted-types-sink',
        documentUrl: 'https://magazine.example/articles/new-start',
        sourceFile: 'https://magazine.example/_next/static/chunks/app.js',
        lineNumber: 3,
        columnNumber: 120,
        sample: 'Element innerHTML|<b>x</b>',
        disposition: 'enforce',
        count: 1,
      },
    ]);
  });

  it('stores a report-uri report (application/csp-report) and counts a repeat on the same row', async () => {
    expect((await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'application/csp-report' })).status).toBe(204);
    expect((await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'application/csp-report' })).status).toBe(204);
    const rows = storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      directive: 'script-src-elem',
      blockedUrl: 'https://evil.example/x.js',
      documentUrl: 'https://magazine.example/desk/articles/4',
      count: 2,
    });
    expect(rows[0]!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.firstSeenAt.getTime());
  });

  it('answers 400 with the reason for a body that is not a report, and stores nothing', async () => {
    const notJson = await report({ body: '<html>', contentType: 'application/csp-report' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });

    const wrongShape = await report({ body: JSON.stringify({ hello: 'world' }), contentType: 'application/csp-report' });
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ ok: false, error: expect.stringContaining('not a CSP violation report') });

    const wrongType = await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ ok: false, error: expect.stringContaining('application/reports+json') });

    const tooLarge = await report({ body: JSON.stringify({ 'csp-report': { ...REPORT_URI_BODY['csp-report'], 'script-sample': 'x'.repeat(CSP_REPORT_LIMITS.maxBodyBytes) } }), contentType: 'application/csp-report' });
    expect(tooLarge.status).toBe(413);
    expect(storedRows()).toHaveLength(0);
  });

  it('refuses more reports than the limit from one address with 429, while another address is still heard', async () => {
    const body = JSON.stringify(REPORT_URI_BODY);
    for (let index = 0; index < CSP_REPORT_LIMITS.perAddress.limit; index++) {
      expect((await report({ body, contentType: 'application/csp-report' })).status).toBe(204);
    }
    const refused = await report({ body, contentType: 'application/csp-report' });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ ok: false, error: expect.stringContaining('Too many reports') });
    expect((await report({ body, contentType: 'application/csp-report', ip: '203.0.113.9' })).status).toBe(204);
    expect(storedRows()[0]!.count).toBe(CSP_REPORT_LIMITS.perAddress.limit + 1);
  });
});

describe('the violations list in the desk', () => {
  it('is refused to an editor, with the reason', async () => {
    await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'application/csp-report' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(() => listCspViolations({ actor: editor })).toThrow(ForbiddenError);
    expect(() => listCspViolations({ actor: editor })).toThrow('Only an administrator can see the browsers’ security reports.');
  });

  it('shows an admin the stored violations, most recent first, with their counts', async () => {
    await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'application/csp-report' });
    await report({ body: JSON.stringify(REPORT_URI_BODY), contentType: 'application/csp-report' });
    await report({ body: JSON.stringify(REPORTING_API_BATCH), contentType: 'application/reports+json' });
    const admin = await createTestStaff({ role: 'admin' });
    const list = listCspViolations({ actor: admin });
    expect(list.map((violation) => [violation.directive, violation.blockedUrl, violation.count])).toEqual([
      ['require-trusted-types-for', 'trusted-types-sink', 1],
      ['script-src-elem', 'https://evil.example/x.js', 2],
    ]);
  });
});

// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, subscribers } from '@/db/schema';
import { importFromReader, type ImportReport } from '@/lib/migration/import/import-from-reader';
import { openSubscribersCsv } from '@/lib/migration/subscribers/open-subscribers-csv';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const FIXTURES = path.join(process.cwd(), 'tests/fixtures/import/subscribers');

function importCsv(fileName: string): Promise<ImportReport> {
  return importFromReader({ reader: openSubscribersCsv(path.join(FIXTURES, fileName)), dryRun: false, actorId: null, media: { fetchImages: false } });
}

function storedSubscribers() {
  return getDb()
    .select({ email: subscribers.email, name: subscribers.name, status: subscribers.status, createdAt: subscribers.createdAt })
    .from(subscribers)
    .orderBy(asc(subscribers.id))
    .all()
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

function storedMemberships() {
  return getDb()
    .select({ email: subscribers.email, tier: membershipTiers.name })
    .from(memberships)
    .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .orderBy(asc(memberships.id))
    .all();
}

describe('importing a real-world Ghost members export', () => {
  it('reads a Ghost 4 export, whose tiers are in a column named products, into memberships', async () => {
    await importCsv('ghost-4-members.csv');
    expect(storedSubscribers()).toEqual([
      { email: 'oskar@example.org', name: 'Oskar Nyberg', status: 'confirmed', createdAt: '2021-06-01T08:00:00.000Z' },
      { email: 'ines@example.org', name: 'Ines Lamas', status: 'confirmed', createdAt: '2021-06-02T08:00:00.000Z' },
    ]);
    expect(storedMemberships()).toEqual([{ email: 'oskar@example.org', tier: 'Patron' }]);
  });

  it('stores each member of a file with a BOM, CRLF, quoted commas and newlines as Ghost had them, and names every row it left out', async () => {
    const report = await importCsv('ghost-members-real-quirks.csv');
    expect(storedSubscribers()).toEqual([
      { email: 'marta.kovac@example.org', name: 'Kovač, Marta', status: 'confirmed', createdAt: '2023-01-10T09:15:00.000Z' },
      { email: 'petr@example.org', name: '', status: 'unsubscribed', createdAt: '2023-02-11T10:00:00.000Z' },
      { email: 'jonas@example.org', name: 'Jonas Berg', status: 'confirmed', createdAt: '2023-05-02T10:00:00.000Z' },
      { email: 'lena@example.org', name: 'Lena Roth', status: 'confirmed', createdAt: '2023-06-03T10:00:00.000Z' },
      { email: 'quoted@example.org', name: 'Ana "Anka" Horvat', status: 'confirmed', createdAt: '2023-07-04T08:00:00.000Z' },
    ]);
    expect(storedMemberships()).toEqual([
      { email: 'jonas@example.org', tier: 'Gold' },
      { email: 'jonas@example.org', tier: 'Silver' },
      { email: 'lena@example.org', tier: 'Complimentary' },
    ]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        { item: 'line 9', message: 'Deleted in Ghost (deleted_at 2023-09-01T10:00:00.000Z): skipped' },
        { item: 'subscriber marta.kovac@example.org (line 5)', message: 'The address appears again (first at line 2); only the first was imported.' },
        { item: 'subscriber not an address (line 6)', message: '"not an address" is not a valid email address; skipped.' },
      ]),
    );
  });
});

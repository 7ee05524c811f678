import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedSubscriber, ImportSourceReader } from '@/lib/migration/import/import-model';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { openSubscribersCsv } from '@/lib/migration/subscribers/open-subscribers-csv';

const FIXTURES = 'tests/fixtures/import/subscribers';

async function readAll(reader: ImportSourceReader) {
  const items: ImportedSubscriber[] = [];
  for await (const item of reader.items()) if (item.kind === 'subscriber') items.push(item);
  return items;
}

function tempCsv(name: string, content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'subscriber-csv-')), name);
  writeFileSync(path, content);
  return path;
}

describe('openSubscribersCsv, a Ghost members export with tiers', () => {
  it('reads the tiers column and the complimentary plan', async () => {
    const path = tempCsv('members.csv', 'id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers\n1,a@example.org,A,,true,false,,2024-05-01T00:00:00.000Z,,,"Supporter, Patron"\n2,b@example.org,B,,false,true,,,,,\n3,c@example.org,C,,true,,,,,,\n');
    const items = await readAll(openSubscribersCsv(path));
    expect(items.map(({ email, tiers, isComplimentary }) => ({ email, tiers, isComplimentary }))).toEqual([
      { email: 'a@example.org', tiers: ['Supporter', 'Patron'], isComplimentary: false },
      { email: 'b@example.org', tiers: [], isComplimentary: true },
      { email: 'c@example.org', tiers: [], isComplimentary: false },
    ]);
  });
});

describe('openSubscribersCsv, a Ghost members export', () => {
  it('yields every row with its line, unsubscribed where Ghost says so, and skips deleted members with a warning', async () => {
    const reader = openSubscribersCsv(`${FIXTURES}/ghost-members.csv`);
    expect(reader.source).toBe('subscribers:ghost-members');
    expect(await readAll(reader)).toEqual([
      { kind: 'subscriber', email: 'amira.h@example.org', name: 'Amira Haddad', status: 'confirmed', createdAt: new Date('2023-05-01T10:00:00.000Z'), labels: ['Donor', 'Board'], tiers: [], isComplimentary: false, where: 'line 2' },
      { kind: 'subscriber', email: 'not-an-address', name: 'Broken Row', status: 'confirmed', createdAt: new Date('2023-05-02T10:00:00.000Z'), labels: [], tiers: [], isComplimentary: false, where: 'line 3' },
      { kind: 'subscriber', email: 'jonas@example.net', name: 'Jonas Lind', status: 'unsubscribed', createdAt: new Date('2023-05-03T10:00:00.000Z'), labels: [], tiers: [], isComplimentary: false, where: 'line 4' },
      { kind: 'subscriber', email: 'AMIRA.H@example.org', name: 'Amira again', status: 'confirmed', createdAt: new Date('2023-05-04T10:00:00.000Z'), labels: [], tiers: [], isComplimentary: false, where: 'line 6' },
    ]);
    expect(reader.warnings).toEqual([{ item: 'line 7', message: 'Deleted in Ghost (deleted_at 2024-01-01T00:00:00.000Z): skipped' }]);
    expect(await reader.countItems()).toBe(4);
    expect(reader.warnings).toHaveLength(1);
  });
});

describe('openSubscribersCsv, a Mailchimp audience export', () => {
  it('takes the status from the file name, joins first and last names, reads tags, and copes with a BOM and CRLF', async () => {
    const reader = openSubscribersCsv(`${FIXTURES}/mailchimp-subscribed.csv`);
    expect(await readAll(reader)).toEqual([
      { kind: 'subscriber', email: 'sofia@example.org', name: 'Sofia Marin', status: 'confirmed', createdAt: new Date('2022-01-10T09:15:00.000Z'), labels: ['Policy', 'Print'], where: 'line 2' },
      { kind: 'subscriber', email: 'wei@example.com', name: 'Wei', status: 'confirmed', createdAt: new Date('2022-02-11T08:00:00.000Z'), labels: [], where: 'line 3' },
      { kind: 'subscriber', email: 'sofia@example.org', name: 'Sofia M.', status: 'confirmed', createdAt: new Date('2022-03-12T08:00:00.000Z'), labels: [], where: 'line 4' },
      { kind: 'subscriber', email: 'wrong at example.org', name: 'No Address', status: 'confirmed', labels: [], where: 'line 5' },
    ]);
    expect(reader.warnings).toEqual([]);
  });

  it('imports the unsubscribed and cleaned exports as unsubscribed, saying why for cleaned ones', async () => {
    const header = 'Email Address,First Name,Last Name,MEMBER_RATING\n';
    const unsubscribed = openSubscribersCsv(tempCsv('unsubscribed_members_export_3f2a.csv', `${header}left@example.org,Left,,1\n`));
    expect((await readAll(unsubscribed)).map((item) => item.status)).toEqual(['unsubscribed']);
    expect(unsubscribed.warnings).toEqual([]);

    const cleaned = openSubscribersCsv(tempCsv('cleaned_members_export_3f2a.csv', `${header}bounce@example.org,Bounce,,1\n`));
    expect((await readAll(cleaned)).map((item) => item.status)).toEqual(['unsubscribed']);
    expect(cleaned.warnings).toEqual([{ item: 'cleaned_members_export_3f2a.csv', message: "Mailchimp cleaned these addresses because mail to them bounced: they are imported as unsubscribed" }]);
  });

  it('never reads a non-subscribed export as subscribed, though its name contains the word', async () => {
    const reader = openSubscribersCsv(tempCsv('nonsubscribed_email_audience_export_3f2a.csv', 'Email Address,First Name,Last Name\nshop@example.org,Shop,\n'));
    expect((await readAll(reader)).map((item) => item.status)).toEqual(['unsubscribed']);
    expect(reader.warnings).toEqual([
      { item: 'nonsubscribed_email_audience_export_3f2a.csv', message: 'Mailchimp’s non-subscribed contacts never agreed to be mailed: they are imported as unsubscribed' },
    ]);
  });

  it('prefers a Status column, row by row, and without one or a telling file name imports as confirmed with a warning', async () => {
    const withStatus = openSubscribersCsv(
      tempCsv('audience.csv', 'Email Address,First Name,Last Name,Status\na@example.org,A,,subscribed\nb@example.org,B,,cleaned\nc@example.org,C,,pending\n'),
    );
    expect((await readAll(withStatus)).map((item) => item.status)).toEqual(['confirmed', 'unsubscribed', 'pending']);
    expect(withStatus.warnings).toEqual([{ item: 'line 3', message: "Mailchimp cleaned this address because mail to it bounced: imported as unsubscribed" }]);

    const unknown = openSubscribersCsv(tempCsv('audience.csv', 'Email Address,First Name,Last Name\na@example.org,A,,\n'));
    expect((await readAll(unknown)).map((item) => item.status)).toEqual(['confirmed']);
    expect(unknown.warnings).toEqual([
      { item: 'audience.csv', message: 'Neither a Status column nor the file name says which Mailchimp export this is: every address is imported as confirmed. Import only the subscribed export this way.' },
    ]);
  });
});

describe('openSubscribersCsv, a simple email,name,status file', () => {
  it('keeps each status, yields duplicates and invalid addresses for the writer to report, and names unknown statuses', async () => {
    const reader = openSubscribersCsv(`${FIXTURES}/simple.csv`);
    expect(await readAll(reader)).toEqual([
      { kind: 'subscriber', email: 'ruth@example.org', name: 'Ruth Ndlovu', status: 'confirmed', where: 'line 2' },
      { kind: 'subscriber', email: 'ruth@example.org', name: 'Ruth N.', status: 'confirmed', where: 'line 3' },
      { kind: 'subscriber', email: 'bad@@example', name: 'Bad Address', status: 'confirmed', where: 'line 4' },
      { kind: 'subscriber', email: 'pat@example.com', name: 'Pat Quinn', status: 'unsubscribed', where: 'line 6' },
      { kind: 'subscriber', email: 'new@example.com', name: '', status: 'pending', where: 'line 7' },
      { kind: 'subscriber', email: 'odd@example.com', name: 'Odd Status', status: 'unsubscribed', where: 'line 8' },
    ]);
    expect(reader.warnings).toEqual([
      { item: 'line 8', message: 'Status "bounced" is not subscribed, confirmed, unsubscribed or pending: imported as unsubscribed, so nobody is mailed without consent' },
    ]);
    expect(await reader.countItems()).toBe(6);
  });

  it('matches headers whatever their case, and reads a semicolon-separated file', async () => {
    const reader = openSubscribersCsv(tempCsv('list.csv', '\uFEFFE-mail;Name;STATUS\r\nx@example.org;Ex, Ample;unsubscribed\r\n'));
    expect(await readAll(reader)).toEqual([{ kind: 'subscriber', email: 'x@example.org', name: 'Ex, Ample', status: 'unsubscribed', where: 'line 2' }]);
  });

  it('without a status column, imports everyone as confirmed and says so once', async () => {
    const reader = openSubscribersCsv(tempCsv('list.csv', 'email\ny@example.org\n'));
    expect(await readAll(reader)).toEqual([{ kind: 'subscriber', email: 'y@example.org', name: '', status: 'confirmed', where: 'line 2' }]);
    expect(reader.warnings).toEqual([{ item: 'list.csv', message: 'The file has no status column: every address is imported as confirmed' }]);
  });
});

describe('openSubscribersCsv refuses a file it cannot read as subscribers', () => {
  const refusal = (path: string) => {
    try {
      openSubscribersCsv(path);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as Error).message;
    }
    throw new Error('no refusal');
  };

  it('a CSV with no email column, naming the columns it has', () => {
    expect(refusal(tempCsv('people.csv', 'Full name;Phone\nA;1\n'))).toBe(
      'This file has no email column; its columns are "Full name", "Phone". Name the column of addresses "email" (or "Email Address") and upload it again.',
    );
  });

  it('a row whose quotes never close, after yielding the rows before it', async () => {
    const reader = openSubscribersCsv(tempCsv('list.csv', 'email,name\nok@example.org,Ok\nbroken@example.org,"Never closed\n'));
    const seen: string[] = [];
    const reading = (async () => {
      for await (const item of reader.items()) if (item.kind === 'subscriber') seen.push(item.email);
    })();
    await expect(reading).rejects.toThrow(InvalidInputError);
    await expect(reading).rejects.toThrow(/^This CSV cannot be read after line 2 \(.*\)\. Open it in a spreadsheet, save it as CSV again and upload that file\.$/);
    expect(seen).toEqual(['ok@example.org']);
  });

  it('an empty file', () => {
    expect(refusal(tempCsv('empty.csv', ''))).toBe('This file is empty. Export your subscribers again and upload the CSV file.');
  });
});

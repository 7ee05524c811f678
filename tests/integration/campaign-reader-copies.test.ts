import { eq } from 'drizzle-orm';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, issues, mailBodies, outbox, subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { UNSUBSCRIBE_URL_SLOT } from '@/lib/readers/mail/issue-mail';
import { mailFromSharedBody } from '@/lib/readers/mail/shared-body';
import { readUnsubscribeToken } from '@/lib/readers/unsubscribe-token';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink, type SinkMessage } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

// Names that need each kind of header treatment: plain, quoted (ASCII specials), encoded words (non-ASCII), folded (long), and none.
const READERS = [
  { email: 'ana@example.org', name: 'Ana Lima' },
  { email: 'zoe@example.org', name: 'Zoë "Z" O’Brien, Jr.' },
  { email: 'smith@example.org', name: 'Smith, John "Jack"' },
  { email: 'li@example.org', name: '李小龍' },
  { email: 'asa.lindqvist+news@example.org', name: 'Åsa Lindqvist-Øverby '.repeat(6).trim() },
  { email: 'noname@example.org', name: '' },
  { email: 'backslash@example.org', name: 'Back\\slash (test)' },
];

function issueCampaign(): number {
  const section = createTestSection('Analysis');
  const issue = createTestIssue({ status: 'published' });
  getDb().update(issues).set({ title: 'Juni 2025 — “Überprüfung”' }).where(eq(issues.id, issue.id)).run();
  createTestArticle({ title: 'Verification after the treaty', sectionId: section, issueId: issue.id });
  createTestArticle({ title: 'Naïve ideas about inspections, revisited at length '.repeat(3), sectionId: section, issueId: issue.id, access: 'members' });
  return getDb().insert(campaigns).values({ kind: 'issue', issueId: issue.id, dedupeKey: `issue:${issue.id}` }).returning().get().id;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const value = Array.isArray(field) ? field[0] : field;
  return value?.value[0];
}

/** The message nodemailer itself composes from this reader's copy of the body: the shape every copy had before it was composed once per mailing. */
async function composedByNodemailer({ message, reader }: { message: ParsedMail; reader: { id: number; email: string; name: string } }): Promise<ParsedMail> {
  const body = getDb().select().from(mailBodies).get()!;
  const copy = mailFromSharedBody({ body, subscriberId: reader.id });
  const composer = new MailComposer({
    from: getConfig().mail.from,
    to: reader.name ? { name: reader.name, address: reader.email } : reader.email,
    subject: copy.subject,
    text: copy.text,
    ...(copy.html ? { html: copy.html } : {}),
    headers: copy.headers,
    messageId: message.messageId,
    date: message.date,
  });
  const raw = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, built) => (error ? reject(error) : resolve(built))));
  return simpleParser(raw);
}

function headerBlock(message: SinkMessage): string {
  const raw = message.raw.toString('latin1');
  return raw.slice(0, raw.indexOf('\r\n\r\n'));
}

describe('each reader’s copy of a campaign, composed once per mailing', () => {
  it('reaches every reader with their own name, address and unsubscribe link, and parses as the message nodemailer would compose', async () => {
    const campaignId = issueCampaign();
    for (const reader of READERS) createTestSubscriber(reader);
    expect(expandCampaigns()).toBe(READERS.length);
    const started = Date.now();
    await deliverOutbox();

    const readers = getDb().select().from(subscribers).all();
    expect(readers).toHaveLength(READERS.length);
    expect(sink().messages.map((message) => message.to).sort()).toEqual(readers.map((reader) => [reader.email]).sort());
    const body = getDb().select().from(mailBodies).get()!;
    for (const reader of readers) {
      const message = sink().messages.find((candidate) => candidate.to[0] === reader.email)!;
      const parsed = message.parsed;
      // Whose copy it is, from the database: the envelope, the To header, the link and the Message-ID all name this reader.
      expect(firstAddress(parsed.to)).toEqual({ address: reader.email, name: reader.name });
      const link = headerOf(message, 'List-Unsubscribe')!.match(/^<([^>]+)>$/)![1]!;
      expect(readUnsubscribeToken(new URL(link).searchParams.get('token')!)).toBe(reader.id);
      const row = getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.subscriberId, reader.id)).get()!;
      expect(parsed.messageId).toBe(`<masthead.outbox.${row.id}@localhost.localdomain>`);
      expect(headerOf(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(parsed.subject).toBe(body.subject);
      expect(parsed.text).toBe(body.text.replaceAll(UNSUBSCRIBE_URL_SLOT, link));
      expect(parsed.html).toBe(body.html!.replaceAll(UNSUBSCRIBE_URL_SLOT, link));
      expect(parsed.date!.getTime()).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);

      // The same message, field by field, as nodemailer composes it from this reader's copy.
      const expected = await composedByNodemailer({ message: parsed, reader });
      expect({ from: parsed.from?.value, to: firstAddress(parsed.to), subject: parsed.subject, text: parsed.text, html: parsed.html, messageId: parsed.messageId, date: parsed.date }).toEqual({
        from: expected.from?.value,
        to: firstAddress(expected.to),
        subject: expected.subject,
        text: expected.text,
        html: expected.html,
        messageId: expected.messageId,
        date: expected.date,
      });
      expect(parsed.headers.get('list')).toEqual(expected.headers.get('list'));
      expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });

      // Valid on the wire: CRLF line ends only, headers in ASCII (non-ASCII names as encoded words), no line past 78 characters.
      const raw = message.raw.toString('latin1');
      expect(raw).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
      expect(headerBlock(message)).toMatch(/^[\x20-\x7e\r\n\t]*$/);
      expect(raw.split('\r\n').filter((line) => line.length > 78)).toEqual([]);
    }
    expect(getDb().select({ status: outbox.status }).from(outbox).where(eq(outbox.campaignId, campaignId)).all().every((row) => row.status === 'sent')).toBe(true);
  });
});

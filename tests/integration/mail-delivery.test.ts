import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, outbox, subscribers } from '@/db/schema';
import { deliverOutbox, settleUnknownOutcomes, UNKNOWN_OUTCOME_NOTE } from '@/lib/readers/mail/deliver-outbox';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { unsubscribeReader } from '@/lib/readers/unsubscribe-reader';
import { createTestSubscriber } from '../factories/subscriber';
import { withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

function row(dedupeKey: string) {
  return getDb().select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey)).get()!;
}

function campaignId(): number {
  return getDb().insert(campaigns).values({ kind: 'issue', dedupeKey: `issue:test:${Math.random()}`, status: 'sending' }).returning().get().id;
}

function queue({ key, to, subscriberId = null, campaign = null }: { key: string; to: string; subscriberId?: number | null; campaign?: number | null }) {
  enqueueMail({ dedupeKey: key, kind: campaign ? 'campaign.issue' : 'reader.confirm', to, subject: `Subject ${key}`, text: `Text ${key}`, html: `<p>HTML ${key}</p>`, subscriberId, campaignId: campaign });
}

describe('delivering the outbox over SMTP', () => {
  it('sends each message once, in HTML and text, with a stable Message-ID, and marks it sent', async () => {
    queue({ key: 'one', to: 'one@example.org' });
    expect(await deliverOutbox()).toBe(1);
    expect(await deliverOutbox()).toBe(0);
    expect(sink().messages).toHaveLength(1);
    expect(sink().messages[0]!.parsed).toMatchObject({ subject: 'Subject one', text: 'Text one', html: '<p>HTML one</p>' });
    expect(sink().messages[0]!.parsed.messageId).toBe(`<masthead.outbox.${row('one').id}@localhost.localdomain>`);
    expect(row('one')).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row('one').sentAt).toBeInstanceOf(Date);
  });

  it('retries a temporary refusal later with backoff, then delivers', async () => {
    const start = Date.now();
    queue({ key: 'later', to: 'busy@example.org' });
    sink().refuse('busy@example.org', { code: 451, message: 'Try again later' });
    await deliverOutbox({ now: () => start });
    const waiting = row('later');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(waiting.lastError).toContain('Try again later');
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(start + 30_000);

    sink().refuse('busy@example.org', undefined);
    await deliverOutbox({ now: () => start + 1_000 });
    expect(sink().messages).toHaveLength(0);
    await deliverOutbox({ now: () => start + 60_000 });
    expect(sink().messages.map((message) => message.to)).toEqual([['busy@example.org']]);
    expect(row('later')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks an address bounced after three permanent failures in a row', async () => {
    const reader = createTestSubscriber({ email: 'nobody@example.org' });
    sink().refuse('nobody@example.org', { code: 550, message: 'No such mailbox' });
    const campaign = campaignId();
    for (const key of ['b1', 'b2']) queue({ key, to: reader.email, subscriberId: reader.id, campaign });
    await deliverOutbox();
    expect(row('b1')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('No such mailbox') });
    expect(getDb().select().from(subscribers).where(eq(subscribers.id, reader.id)).get()).toMatchObject({ status: 'confirmed', bounceCount: 2 });
    queue({ key: 'b3', to: reader.email, subscriberId: reader.id, campaign });
    await deliverOutbox();
    expect(getDb().select().from(subscribers).where(eq(subscribers.id, reader.id)).get()).toMatchObject({ status: 'bounced', bounceCount: 3 });
    queue({ key: 'b4', to: reader.email, subscriberId: reader.id, campaign });
    sink().refuse('nobody@example.org', undefined);
    await deliverOutbox();
    expect(row('b4')).toMatchObject({ status: 'failed', attempts: 0 });
    expect(sink().messages).toHaveLength(0);
  });

  it('does not send campaign mail to a reader who unsubscribed after it was queued', async () => {
    const reader = createTestSubscriber({ email: 'left@example.org' });
    queue({ key: 'left', to: reader.email, subscriberId: reader.id, campaign: campaignId() });
    unsubscribeReader({ subscriberId: reader.id });
    await deliverOutbox();
    expect(sink().messages).toHaveLength(0);
    expect(row('left')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('unsubscribed') });
  });

  it('after a crash, counts a campaign message that reached the server as sent and sends other mail again', () => {
    const campaign = campaignId();
    queue({ key: 'in-flight-campaign', to: 'a@example.org', campaign });
    queue({ key: 'in-flight-link', to: 'b@example.org' });
    const expired = new Date(Date.now() - 1000);
    getDb().update(outbox).set({ attempts: 1, sentAt: new Date(Date.now() - 5000), nextAttemptAt: expired }).run();
    expect(settleUnknownOutcomes({ now: Date.now() })).toBe(2);
    expect(row('in-flight-campaign')).toMatchObject({ status: 'sent', lastError: UNKNOWN_OUTCOME_NOTE });
    expect(row('in-flight-link')).toMatchObject({ status: 'pending', sentAt: null });
  });

  it('leaves a message alone while another worker holds its claim, and aborts a send whose claim was taken over', async () => {
    queue({ key: 'held', to: 'held@example.org' });
    getDb().update(outbox).set({ attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) }).run();
    expect(await deliverOutbox()).toBe(0);

    getDb().update(outbox).set({ nextAttemptAt: null }).run();
    // Another worker claims the message while this one is streaming it: the hand-over gate refuses.
    const settled = await deliverOutbox({
      sendMail: async (mail) => {
        getDb().update(outbox).set({ attempts: 9 }).run();
        expect(() => mail.handOverCheck!()).toThrow(/another worker/);
        throw new Error('This message is being delivered by another worker.');
      },
    });
    expect(settled).toBe(0);
    expect(row('held')).toMatchObject({ status: 'pending', attempts: 9, sentAt: null });
  });
});

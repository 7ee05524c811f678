import { afterEach, beforeEach } from 'vitest';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type SinkMessage = { to: string[]; from: string; raw: Buffer; parsed: ParsedMail };

export type SmtpSink = {
  url: string;
  messages: SinkMessage[];
  /** Messages accepted per recipient address. */
  countByRecipient: () => Map<string, number>;
  /** The reply for the next messages to an address: an SMTP code and text, or undefined to accept. */
  refuse: (address: string, reply: { code: number; message: string } | undefined) => void;
  waitFor: (predicate: (messages: SinkMessage[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a free local port that keeps every message it accepts, parsed with
 * mailparser. `parse: false` keeps only envelopes and raw bytes (for large runs).
 */
export async function startSmtpSink({
  parse = true,
  keepMessages = true,
  onMessageReceived,
}: {
  parse?: boolean;
  /** false: count recipients only, keeping no message (for very large runs). */
  keepMessages?: boolean;
  onMessageReceived?: (message: { to: string[]; raw: Buffer }) => void | Promise<void>;
} = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const counts = new Map<string, number>();
  const refusals = new Map<string, { code: number; message: string }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address.toLowerCase());
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        for (const address of to) counts.set(address, (counts.get(address) ?? 0) + 1);
        if (keepMessages) messages.push({ to, from, raw, parsed: parse ? await simpleParser(raw) : (undefined as unknown as ParsedMail) });
        await onMessageReceived?.({ to, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    countByRecipient: () => new Map(counts),
    refuse: (address, reply) => {
      if (reply) refusals.set(address.toLowerCase(), reply);
      else refusals.delete(address.toLowerCase());
    },
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`The SMTP sink did not get the expected mail in ${timeoutMs} ms (it has ${messages.length}).`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a test file: a fresh sink per test, with SMTP_URL pointing at it and a rate high enough that
 * tests do not wait; the pooled transport is closed afterwards.
 */
export function withSmtpSink(): { sink: () => SmtpSink } {
  let current: SmtpSink | null = null;
  beforeEach(async () => {
    current = await startSmtpSink();
    process.env.SMTP_URL = current.url;
    process.env.MAIL_RATE_PER_SECOND = '1000';
  });
  afterEach(async () => {
    const { closeSmtpTransport } = await import('@/lib/readers/mail/smtp-transport');
    closeSmtpTransport();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_RATE_PER_SECOND;
    await current?.close();
    current = null;
  });
  return { sink: () => current! };
}

/** A header as the message carried it (unfolded), e.g. `List-Unsubscribe-Post`; mailparser regroups List-* headers. */
export function headerOf(message: SinkMessage, name: string): string | undefined {
  const line = message.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

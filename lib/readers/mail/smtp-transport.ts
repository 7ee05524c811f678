import 'server-only';
import { Transform } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { MailConfig } from '@/lib/platform/config/get-config';

/** Called once the message has streamed up to its last line and before the end-of-data mark goes to the server; throwing aborts the message. */
export type HandOverCheck = () => void;

export type GatedMail = SMTPPool.MailOptions & { handOverCheck?: HandOverCheck };

type Pool = { key: string; transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options> };

let current: Pool | null = null;

/**
 * The pooled SMTP transport for SMTP_URL, made once and reused: connections stay open, and the pool
 * paces messages to MAIL_RATE_PER_SECOND. Each message passes a gate at its very end (see ADR 009):
 * the delivery step records the hand-over there, or refuses it when another worker owns the message.
 */
export function getSmtpTransport({ smtpUrl, mail }: { smtpUrl: string; mail: MailConfig }): Pool['transporter'] {
  const key = JSON.stringify([smtpUrl, mail.ratePerSecond, mail.connections]);
  if (current?.key === key) return current.transporter;
  current?.transporter.close();
  // Under one message a second, pace by a longer window instead of a fraction of a message.
  const isSlow = mail.ratePerSecond < 1;
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: Math.max(1, Math.floor(mail.connections)),
    maxMessages: 1000,
    rateDelta: isSlow ? Math.round(1000 / mail.ratePerSecond) : 1000,
    rateLimit: isSlow ? 1 : Math.floor(mail.ratePerSecond),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as SMTPPool.Options);
  transporter.use('stream', (message, done) => {
    const check = (message.data as GatedMail).handOverCheck;
    if (check) message.message.processFunc((input) => input.pipe(gate(check)));
    done();
  });
  current = { key, transporter };
  return transporter;
}

/** Closes the pool's connections (the worker's shutdown, and tests). */
export function closeSmtpTransport(): void {
  current?.transporter.close();
  current = null;
}

/**
 * The whole message is gathered first and goes to the socket as one write (a message is tens of
 * kilobytes; writing each encoded line on its own costs more than building it). The check runs once
 * it is complete, before any of it, and so before the end-of-data mark, reaches the server.
 */
function gate(check: HandOverCheck): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
    flush(done) {
      try {
        check();
      } catch (error) {
        done(error as Error);
        return;
      }
      done(null, Buffer.concat(chunks));
    },
  });
}

import path from 'node:path';
import { databasePathFrom } from '@/db/database-path';

export type AppConfig = {
  databasePath: string;
  dataDir: string;
  mediaDir: string;
  siteUrl: string;
  smtpUrl: string | null;
  mail: MailConfig;
};

export type MailConfig = {
  /** The From of every message, e.g. `Masthead <newsletter@example.org>`. */
  from: string;
  /** A mailbox someone reads, named in List-Unsubscribe's mailto; null leaves the mailto out. */
  unsubscribeAddress: string | null;
  /** Messages handed to the mail server per second, at most. */
  ratePerSecond: number;
  /** Open SMTP connections kept in the pool. */
  connections: number;
  /** Attempts for a message that keeps failing temporarily, before it is given up. */
  maxAttempts: number;
  /** Permanent failures in a row after which an address is marked bounced. */
  bounceLimit: number;
  /** How long a worker may hold claimed messages before another may take them over. */
  leaseSeconds: number;
};

/** Every setting has a working default; nothing is required to start. */
export function getConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databasePath = databasePathFrom(env);
  const dataDir = path.dirname(databasePath);
  const siteUrl = (env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');
  const mailHost = hostOf(siteUrl);
  return {
    databasePath,
    dataDir,
    mediaDir: path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR || path.join(dataDir, 'media')),
    siteUrl,
    smtpUrl: env.SMTP_URL || null,
    mail: {
      from: env.MAIL_FROM || `Masthead <newsletter@${mailHost}>`,
      unsubscribeAddress: env.MAIL_UNSUBSCRIBE_ADDRESS?.trim() || null,
      ratePerSecond: positiveNumber(env.MAIL_RATE_PER_SECOND, 20),
      connections: positiveNumber(env.MAIL_SMTP_CONNECTIONS, 2),
      maxAttempts: positiveNumber(env.MAIL_MAX_ATTEMPTS, 8),
      bounceLimit: positiveNumber(env.MAIL_BOUNCE_LIMIT, 3),
      leaseSeconds: positiveNumber(env.MAIL_LEASE_SECONDS, 120),
    },
  };
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

// Mail needs a domain with a dot in it for its addresses; "localhost" gets one.
function hostOf(siteUrl: string): string {
  try {
    const host = new URL(siteUrl).hostname;
    return host.includes('.') ? host : `${host}.localdomain`;
  } catch {
    return 'localhost.localdomain';
  }
}

import 'server-only';
import { getConfig } from '@/lib/config/get-config';
import { signUnsubscribeToken } from '@/lib/readers/unsubscribe-token';

export type ReaderMailLinks = {
  /** The one-click address: a POST here unsubscribes (RFC 8058); a GET shows a page with a button. */
  unsubscribeUrl: string;
  /** Where the reader changes what they receive. */
  accountUrl: string;
  headers: Record<string, string>;
};

/**
 * The links and headers every message to a reader carries: List-Unsubscribe with a URL and a mailto,
 * and List-Unsubscribe-Post so mail clients can unsubscribe with one click (RFC 8058).
 * Subscriber 0 stands for a test send to staff; its link unsubscribes nobody.
 */
export function readerMailLinks(subscriberId: number): ReaderMailLinks {
  const { siteUrl, mail } = getConfig();
  const token = signUnsubscribeToken(subscriberId);
  const unsubscribeUrl = `${siteUrl}/api/unsubscribe?token=${token}`;
  const mailto = `mailto:${mail.unsubscribeAddress}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  return {
    unsubscribeUrl,
    accountUrl: `${siteUrl}/account`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

import 'server-only';
import { getConfig } from '@/lib/platform/config/get-config';
import { signUnsubscribeToken } from '@/lib/readers/unsubscribe-token';

export type ReaderMailLinks = {
  /** The one-click address: a POST here unsubscribes (RFC 8058); a GET shows a page with a button. */
  unsubscribeUrl: string;
  /** Where the reader changes what they receive. */
  accountUrl: string;
  headers: Record<string, string>;
};

/**
 * The links and headers every message to a reader carries: List-Unsubscribe with the one-click URL and
 * List-Unsubscribe-Post so mail clients can unsubscribe with one click (RFC 8058). A mailto is added
 * only when MAIL_UNSUBSCRIBE_ADDRESS names a mailbox someone handles: a request sent to an unread
 * address would leave the reader subscribed while they think they are not.
 * Subscriber 0 stands for a test send to staff; its link unsubscribes nobody.
 */
export function readerMailLinks(subscriberId: number): ReaderMailLinks {
  const { siteUrl, mail } = getConfig();
  const token = signUnsubscribeToken(subscriberId);
  const unsubscribeUrl = `${siteUrl}/api/unsubscribe?token=${token}`;
  const mailto = mail.unsubscribeAddress ? `, <mailto:${mail.unsubscribeAddress}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>` : '';
  return {
    unsubscribeUrl,
    accountUrl: `${siteUrl}/account`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>${mailto}`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

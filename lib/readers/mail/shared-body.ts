import 'server-only';
import type { MailBody } from '@/db/schema';
import { UNSUBSCRIBE_URL_SLOT } from './issue-mail';
import { readerMailLinks } from './reader-mail-headers';
import type { RenderedMail } from './rendered-mail';

/**
 * One reader's copy of a campaign's shared body: the unsubscribe slots become their own signed link,
 * and the List-Unsubscribe headers name it. Made when the message is sent or shown, never stored.
 */
export function mailFromSharedBody({ body, subscriberId }: { body: Pick<MailBody, 'subject' | 'text' | 'html'>; subscriberId: number }): Omit<RenderedMail, 'html'> & { html: string | null } {
  const links = readerMailLinks(subscriberId);
  return {
    subject: body.subject,
    text: body.text.replaceAll(UNSUBSCRIBE_URL_SLOT, links.unsubscribeUrl),
    html: body.html === null ? null : body.html.replaceAll(UNSUBSCRIBE_URL_SLOT, links.unsubscribeUrl),
    headers: links.headers,
  };
}

import 'server-only';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';
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

/** A reader's message as the SMTP transport takes it: each body part already encoded, as nodemailer's `raw` part. */
export type EncodedReaderMail = { subject: string; text: { raw: string }; html?: { raw: string }; headers: Record<string, string> };

/**
 * A shared body encoded once for many sends. Each part is quoted-printable, cut at the unsubscribe
 * slots; a reader's copy joins the pieces around their own encoded link with soft line breaks (which
 * a mail client removes), so the per-message work is a short encoding and a join rather than
 * encoding the whole body again.
 */
export function encodeSharedBody(body: Pick<MailBody, 'subject' | 'text' | 'html'>): (subscriberId: number) => EncodedReaderMail {
  const text = encodedPart('text/plain', body.text);
  const html = body.html === null ? null : encodedPart('text/html', body.html);
  return (subscriberId) => {
    const links = readerMailLinks(subscriberId);
    const link = wrapQuotedPrintable(encodeQuotedPrintable(links.unsubscribeUrl), 76);
    return { subject: body.subject, text: { raw: text(link) }, ...(html ? { html: { raw: html(link) } } : {}), headers: links.headers };
  };
}

function encodedPart(contentType: string, content: string): (encodedLink: string) => string {
  const head = `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  const pieces = content.split(UNSUBSCRIBE_URL_SLOT).map((piece) => wrapQuotedPrintable(encodeQuotedPrintable(piece), 76));
  return (encodedLink) => head + pieces.join(`=\r\n${encodedLink}=\r\n`);
}

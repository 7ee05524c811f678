import 'server-only';
import crypto from 'node:crypto';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';
import MimeNode, { type MimeNodeEnvelope } from 'nodemailer/lib/mime-node';
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

/** The reader a shared message is addressed to, and what makes this copy theirs. */
export type SharedMessageReader = { subscriberId: number; name: string; address: string; messageId: string; date: Date };

/** One reader's whole message, already in its final form: nodemailer sends `raw` as it is, to the envelope's recipient. */
export type ReaderMessage = { raw: string; envelope: MimeNodeEnvelope };

/**
 * A shared body composed once for many sends. Each part is quoted-printable, cut at the unsubscribe
 * slots, and the multipart frame around the parts is fixed; a reader's copy is their own header block
 * (To, Message-ID, Date, List-Unsubscribe, built by nodemailer's MIME node so names and addresses are
 * encoded as nodemailer encodes them) followed by the pieces joined around their own encoded link with
 * soft line breaks (which a mail client removes). Nodemailer then has no MIME work left per message.
 */
export function composeSharedMessages({ body, from }: { body: Pick<MailBody, 'subject' | 'text' | 'html'>; from: string }): (reader: SharedMessageReader) => ReaderMessage {
  const text = encodedPart('text/plain', body.text);
  const html = body.html === null ? null : encodedPart('text/html', body.html);
  // One boundary for the whole mailing, so the frame around the parts is the same in every copy.
  const baseBoundary = crypto.randomBytes(8).toString('hex');
  const rootType = html ? 'multipart/alternative' : 'text/plain; charset=utf-8';
  const frame = new MimeNode(rootType, { baseBoundary });
  frame.buildHeaders();
  const boundary = frame.boundary;
  const content = (link: string) =>
    html && boundary ? `--${boundary}\r\n${text.head}${text.content(link)}\r\n--${boundary}\r\n${html.head}${html.content(link)}\r\n--${boundary}--\r\n` : `${text.content(link)}\r\n`;
  return (reader) => {
    const links = readerMailLinks(reader.subscriberId);
    const link = encodedLink(links.unsubscribeUrl);
    const node = new MimeNode(rootType, { baseBoundary });
    // The order nodemailer gives a message it composes: the custom headers, then the addresses and subject.
    node.setHeader(links.headers);
    node.setHeader({ From: from, To: reader.name ? { name: reader.name, address: reader.address } : reader.address, Subject: body.subject, 'Message-ID': reader.messageId, Date: reader.date });
    if (!html) node.setHeader('Content-Transfer-Encoding', 'quoted-printable');
    return { raw: `${node.buildHeaders()}\r\n\r\n${content(link)}`, envelope: node.getEnvelope() };
  };
}

/**
 * A link in quoted-printable: a URL of printable ASCII needs only its '=' written as '=3D' (the
 * encoder's own answer, without its general work), then the usual soft line breaks.
 */
function encodedLink(url: string): string {
  return wrapQuotedPrintable(/^[\x21-\x7e]*$/.test(url) ? url.replaceAll('=', '=3D') : encodeQuotedPrintable(url), 76);
}

/** A body part's headers and its quoted-printable content, cut at the unsubscribe slots and joined around a reader's encoded link. */
function encodedPart(contentType: string, content: string): { head: string; content: (encodedLink: string) => string } {
  const pieces = content.split(UNSUBSCRIBE_URL_SLOT).map((piece) => wrapQuotedPrintable(encodeQuotedPrintable(piece), 76));
  return {
    head: `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
    content: (encodedLink) => pieces.join(`=\r\n${encodedLink}=\r\n`),
  };
}

import 'server-only';
import { escapeHtml } from './escape-html';
import { mailHtml, mailTextFooter } from './mail-layout';
import { readerMailLinks } from './reader-mail-headers';
import type { RenderedMail } from './rendered-mail';

/**
 * For an address that is already subscribed: the asked-for additions take effect only through this
 * message's link, so a stranger cannot change someone else's subscription (and the form never says
 * whether the address was known).
 */
export function choicesChangeMail({
  subscriberId,
  applyUrl,
  additions,
}: {
  subscriberId: number;
  applyUrl: string;
  additions: string[];
}): RenderedMail {
  const links = readerMailLinks(subscriberId);
  const footer = { reason: 'You are subscribed to Masthead with this address.', ...links };
  const subject = 'Confirm the change to your Masthead email';
  const wanted = additions.length > 0 ? additions : ['the same email you already receive'];
  const text = `Someone, we hope you, asked Masthead to send this address:\n\n${wanted.map((item) => `- ${item}`).join('\n')}\n\nYou are already subscribed. To add this, follow the link: ${applyUrl}\n\nIf it was not you, ignore this message; nothing changes.${mailTextFooter(footer)}`;
  const bodyHtml = [
    '<h1 style="font-size:22px;margin:0 0 12px;">You are already subscribed</h1>',
    '<p style="margin:0 0 8px;">Someone, we hope you, asked Masthead to send this address:</p>',
    `<ul>${wanted.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    `<p style="margin:0 0 16px;"><a href="${escapeHtml(applyUrl)}" style="display:inline-block;background:#8a1c1c;color:#ffffff;padding:10px 18px;text-decoration:none;font-family:Arial,sans-serif;">Add this to my subscription</a></p>`,
    '<p style="margin:0 0 12px;font-size:14px;color:#555555;">If it was not you, ignore this message; nothing changes.</p>',
  ].join('\n');
  return { subject, text, html: mailHtml({ title: subject, bodyHtml, footer }), headers: links.headers };
}

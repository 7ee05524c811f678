import 'server-only';
import { escapeHtml } from './escape-html';
import { mailHtml, mailTextFooter } from './mail-layout';
import { readerMailLinks } from './reader-mail-headers';
import type { RenderedMail } from './rendered-mail';

/** The double opt-in message: nothing else is sent to the address until its link is followed. */
export function confirmationMail({ subscriberId, confirmUrl, expiresInHours }: { subscriberId: number; confirmUrl: string; expiresInHours: number }): RenderedMail {
  const links = readerMailLinks(subscriberId);
  const footer = { reason: 'Someone, we hope you, asked to subscribe this address to Masthead. If it was not you, ignore this message and nothing more will come.', ...links };
  const subject = 'Confirm your Masthead subscription';
  const text = `Please confirm that you want email from Masthead.\n\nConfirm your subscription: ${confirmUrl}\n\nThe link works for ${expiresInHours} hours.${mailTextFooter(footer)}`;
  const bodyHtml = [
    '<h1 style="font-size:22px;margin:0 0 12px;">Confirm your subscription</h1>',
    '<p style="margin:0 0 16px;">Please confirm that you want email from Masthead.</p>',
    `<p style="margin:0 0 16px;"><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;background:#8a1c1c;color:#ffffff;padding:10px 18px;text-decoration:none;font-family:Arial,sans-serif;">Confirm your subscription</a></p>`,
    `<p style="margin:0 0 12px;font-size:14px;color:#555555;">The link works for ${expiresInHours} hours.</p>`,
  ].join('\n');
  return { subject, text, html: mailHtml({ title: subject, bodyHtml, footer }), headers: links.headers };
}

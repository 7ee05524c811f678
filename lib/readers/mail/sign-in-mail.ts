import 'server-only';
import { escapeHtml } from './escape-html';
import { mailHtml, mailTextFooter } from './mail-layout';
import { readerMailLinks } from './reader-mail-headers';
import type { RenderedMail } from './rendered-mail';

/** The magic link for a reader's /account. */
export function signInMail({ subscriberId, signInUrl, expiresInMinutes }: { subscriberId: number; signInUrl: string; expiresInMinutes: number }): RenderedMail {
  const links = readerMailLinks(subscriberId);
  const footer = { reason: 'Someone, we hope you, asked to sign in to this address’s Masthead account. If it was not you, ignore this message.', ...links };
  const subject = 'Your link to sign in to Masthead';
  const text = `Sign in to your Masthead account: ${signInUrl}\n\nThe link works once, for ${expiresInMinutes} minutes.${mailTextFooter(footer)}`;
  const bodyHtml = [
    '<h1 style="font-size:22px;margin:0 0 12px;">Sign in to your account</h1>',
    `<p style="margin:0 0 16px;"><a href="${escapeHtml(signInUrl)}" style="display:inline-block;background:#8a1c1c;color:#ffffff;padding:10px 18px;text-decoration:none;font-family:Arial,sans-serif;">Sign in to Masthead</a></p>`,
    `<p style="margin:0 0 12px;font-size:14px;color:#555555;">The link works once, for ${expiresInMinutes} minutes.</p>`,
  ].join('\n');
  return { subject, text, html: mailHtml({ title: subject, bodyHtml, footer }), headers: links.headers };
}

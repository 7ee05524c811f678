import { accessLabel } from './access-label';
import type { AlertArticle } from './alert-mail';
import { escapeHtml } from './escape-html';
import { mailHtml, mailTextFooter, type MailFooter } from './mail-layout';

export type DigestArticle = AlertArticle & { followed: string[] };

/** Every new article about what the reader follows, from one day or one week, in one message. */
export function digestMail({
  frequency,
  periodLabel,
  articles,
  footer,
}: {
  frequency: 'daily' | 'weekly';
  periodLabel: string;
  articles: DigestArticle[];
  footer: MailFooter;
}): { subject: string; text: string; html: string } {
  const count = articles.length === 1 ? 'One new article' : `${articles.length} new articles`;
  const subject = `Your ${frequency} Masthead digest: ${count.toLowerCase()} (${periodLabel})`;
  const text = [
    `${count} about what you follow, ${periodLabel}.`,
    ...articles.map((article) =>
      [`* ${article.title}`, article.dek ? `  ${article.dek}` : '', accessLabel(article.access) ? `  ${accessLabel(article.access)}` : '', `  About ${article.followed.join(', ')}`, `  ${article.url}`].filter(Boolean).join('\n'),
    ),
  ].join('\n\n');
  const bodyHtml = [
    `<h1 style="font-size:22px;margin:0 0 12px;">${escapeHtml(count)} about what you follow</h1>`,
    `<p style="font-family:Arial,sans-serif;font-size:13px;color:#555555;margin:0 0 16px;">${escapeHtml(periodLabel)}</p>`,
    ...articles.map((article) =>
      [
        '<div style="margin:0 0 16px;">',
        `<a href="${escapeHtml(article.url)}" style="font-size:18px;font-weight:bold;color:#1a1a1a;text-decoration:none;">${escapeHtml(article.title)}</a>`,
        article.dek ? `<div style="color:#444444;">${escapeHtml(article.dek)}</div>` : '',
        accessLabel(article.access) ? `<div style="font-family:Arial,sans-serif;font-size:12px;color:#8a1c1c;">${escapeHtml(accessLabel(article.access))}</div>` : '',
        `<div style="font-family:Arial,sans-serif;font-size:13px;color:#555555;">About ${escapeHtml(article.followed.join(', '))}</div>`,
        '</div>',
      ].join(''),
    ),
  ].join('\n');
  return { subject, text: `${text}${mailTextFooter(footer)}`, html: mailHtml({ title: subject, bodyHtml, footer }) };
}

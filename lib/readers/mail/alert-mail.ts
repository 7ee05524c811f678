import type { AccessLevel } from '@/db/schema';
import { accessLabel } from './access-label';
import { escapeHtml } from './escape-html';
import { mailHtml, mailTextFooter, type MailFooter } from './mail-layout';

export type AlertArticle = { title: string; dek: string; url: string; access: AccessLevel };

/** One new article about what the reader follows; `followed` names the entities that brought it. */
export function alertMail({ article, followed, footer }: { article: AlertArticle; followed: string[]; footer: MailFooter }): { subject: string; text: string; html: string } {
  const because = `You follow ${listOf(followed)}.`;
  const subject = `New on Masthead: ${article.title}`;
  const label = accessLabel(article.access);
  const text = `${article.title}\n${article.dek ? `\n${article.dek}\n` : ''}${label ? `\n${label}\n` : ''}\nRead it: ${article.url}\n\n${because}${mailTextFooter(footer)}`;
  const bodyHtml = [
    '<p style="font-family:Arial,sans-serif;font-size:13px;text-transform:uppercase;letter-spacing:1px;color:#8a1c1c;margin:0 0 8px;">New article</p>',
    `<h1 style="font-size:24px;margin:0 0 8px;"><a href="${escapeHtml(article.url)}" style="color:#1a1a1a;text-decoration:none;">${escapeHtml(article.title)}</a></h1>`,
    article.dek ? `<p style="font-size:17px;color:#444444;margin:0 0 16px;">${escapeHtml(article.dek)}</p>` : '',
    label ? `<p style="font-family:Arial,sans-serif;font-size:13px;color:#8a1c1c;margin:0 0 16px;">${escapeHtml(label)}</p>` : '',
    `<p style="margin:0 0 16px;"><a href="${escapeHtml(article.url)}" style="color:#8a1c1c;">Read the article</a></p>`,
    `<p style="font-family:Arial,sans-serif;font-size:13px;color:#555555;">${escapeHtml(because)}</p>`,
  ].join('\n');
  return { subject, text, html: mailHtml({ title: subject, bodyHtml, footer }) };
}

export function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'a subject of this article';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

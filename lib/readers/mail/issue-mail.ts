import { accessLabel } from './access-label';
import { escapeHtml } from './escape-html';
import type { IssueMailContent } from './issue-mail-content';
import { mailHtml, mailTextFooter, paragraphsHtml, type MailFooter } from './mail-layout';

/** Where per-reader links go in a campaign's shared body; replaced for each recipient. */
export const UNSUBSCRIBE_URL_SLOT = '%%UNSUBSCRIBE_URL%%';

/**
 * The issue email in HTML and plain text: cover, editor's note, and the table of contents by section
 * with deks and links. Rendered once per campaign; `footer` carries the per-reader links.
 */
export function issueMail({ content, footer }: { content: IssueMailContent; footer: MailFooter }): { subject: string; text: string; html: string } {
  const subject = `${content.title}: the new issue of Masthead (Vol. ${content.volume}, No. ${content.number})`;
  const byline = (authors: { name: string }[]) => (authors.length > 0 ? `By ${authors.map((author) => author.name).join(', ')}` : '');

  const textParts = [`${content.title} — Masthead, Vol. ${content.volume}, No. ${content.number}`, `Read it online: ${content.issueUrl}`];
  if (content.editorsNote.trim()) textParts.push(`FROM THE EDITOR\n\n${content.editorsNote.trim()}`);
  textParts.push('IN THIS ISSUE');
  for (const section of content.sections) {
    const entries = section.articles.map((article) =>
      [`* ${article.title}`, article.dek ? `  ${article.dek}` : '', byline(article.authors) ? `  ${byline(article.authors)}` : '', accessLabel(article.access) ? `  ${accessLabel(article.access)}` : '', `  ${article.url}`]
        .filter(Boolean)
        .join('\n'),
    );
    textParts.push(`${section.name.toUpperCase()}\n\n${entries.join('\n\n')}`);
  }
  if (content.sections.length === 0) textParts.push('The table of contents is online.');

  const htmlParts = [
    `<h1 style="font-size:28px;margin:0 0 4px;">${escapeHtml(content.title)}</h1>`,
    `<p style="font-family:Arial,sans-serif;font-size:13px;color:#555555;margin:0 0 16px;">Vol. ${content.volume}, No. ${content.number} · <a href="${escapeHtml(content.issueUrl)}" style="color:#8a1c1c;">Read it online</a></p>`,
  ];
  if (content.cover) {
    htmlParts.push(`<p style="margin:0 0 16px;"><img src="${escapeHtml(content.cover.url)}" alt="${escapeHtml(content.cover.alt)}" width="552" style="max-width:100%;height:auto;display:block;"></p>`);
  }
  if (content.editorsNote.trim()) {
    htmlParts.push('<h2 style="font-size:18px;margin:24px 0 8px;">From the editor</h2>', paragraphsHtml(content.editorsNote));
  }
  htmlParts.push('<h2 style="font-size:18px;margin:24px 0 8px;">In this issue</h2>');
  for (const section of content.sections) {
    htmlParts.push(`<h3 style="font-family:Arial,sans-serif;font-size:13px;letter-spacing:1px;text-transform:uppercase;color:#8a1c1c;margin:20px 0 8px;">${escapeHtml(section.name)}</h3>`);
    for (const article of section.articles) {
      htmlParts.push(
        [
          '<div style="margin:0 0 14px;">',
          `<a href="${escapeHtml(article.url)}" style="font-size:18px;font-weight:bold;color:#1a1a1a;text-decoration:none;">${escapeHtml(article.title)}</a>`,
          article.dek ? `<div style="color:#444444;">${escapeHtml(article.dek)}</div>` : '',
          byline(article.authors) ? `<div style="font-family:Arial,sans-serif;font-size:13px;color:#555555;">${escapeHtml(byline(article.authors))}</div>` : '',
          accessLabel(article.access) ? `<div style="font-family:Arial,sans-serif;font-size:12px;color:#8a1c1c;">${escapeHtml(accessLabel(article.access))}</div>` : '',
          '</div>',
        ].join(''),
      );
    }
  }
  if (content.sections.length === 0) htmlParts.push(`<p><a href="${escapeHtml(content.issueUrl)}">The table of contents is online.</a></p>`);

  return {
    subject,
    text: `${textParts.join('\n\n')}${mailTextFooter(footer)}`,
    html: mailHtml({ title: subject, bodyHtml: htmlParts.join('\n'), footer }),
  };
}

import { escapeHtml } from './escape-html';

export type MailFooter = { reason: string; unsubscribeUrl: string; accountUrl: string };

/**
 * A whole HTML email around `bodyHtml`: one centred column, inline styles only (mail clients drop
 * style sheets), and a footer saying why the reader gets it and how to stop.
 */
export function mailHtml({ title, bodyHtml, footer }: { title: string; bodyHtml: string; footer: MailFooter }): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f1ea;">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Georgia,serif;color:#1a1a1a;line-height:1.5;">',
    '<p style="font-size:24px;font-weight:bold;margin:0 0 16px;border-bottom:2px solid #1a1a1a;padding-bottom:8px;">Masthead</p>',
    bodyHtml,
    '<hr style="border:none;border-top:1px solid #d8d2c4;margin:32px 0 16px;">',
    `<p style="font-family:Arial,sans-serif;font-size:13px;color:#555555;">${escapeHtml(footer.reason)} `,
    `<a href="${escapeHtml(footer.accountUrl)}" style="color:#8a1c1c;">Change what you receive</a> or `,
    `<a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#8a1c1c;">unsubscribe from all Masthead email</a>.</p>`,
    '</div></body></html>',
  ].join('\n');
}

/** The plain-text twin of the footer. */
export function mailTextFooter(footer: MailFooter): string {
  return `\n\n--\n${footer.reason}\nChange what you receive: ${footer.accountUrl}\nUnsubscribe from all Masthead email: ${footer.unsubscribeUrl}\n`;
}

/** Paragraphs of plain text as HTML paragraphs. */
export function paragraphsHtml(text: string, style = 'margin:0 0 12px;'): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p style="${style}">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

import { escapeHtml } from '@/lib/readers/mail/escape-html';

/**
 * A small page of its own for the unsubscribe address, which is a route handler (it must answer a
 * bare POST), not a page of the site. `bodyHtml` must already be escaped.
 */
export function standalonePageHtml({ title, bodyHtml, siteName }: { title: string; bodyHtml: string; siteName: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(siteName)}</title>
<style>body{font-family:Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}button{font:inherit;padding:.5rem 1rem;background:#8a1c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}a{color:#8a1c1c}</style>
</head><body><main><p><a href="/">${escapeHtml(siteName)}</a></p><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`;
}

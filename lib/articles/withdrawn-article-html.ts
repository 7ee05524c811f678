import { escapeHtml } from '@/lib/readers/mail/escape-html';

/**
 * The whole page sent with 410 Gone for a withdrawn article. It is answered before the app renders,
 * so it stands alone: plain HTML with its own few styles, in the site's look.
 */
export function withdrawnArticleHtml({ siteName }: { siteName: string }): string {
  const name = escapeHtml(siteName);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Article withdrawn · ${name}</title>
<style>
body { margin: 0; background: #fcfcfa; color: #1b1d21; font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; }
header { padding: 1rem clamp(1rem, 4vw, 3rem); border-bottom: 1px solid #d9dce3; }
header a { font-size: 1.75rem; font-weight: 700; color: #1b1d21; text-decoration: none; }
main { max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }
h1 { font-size: clamp(1.75rem, 4vw, 2.25rem); margin: 0 0 0.5rem; }
p { font-size: 1.1rem; }
a { color: #8a1c1c; }
</style>
</head>
<body>
<header><a href="/">${name}</a></header>
<main>
<h1>This article has been withdrawn</h1>
<p>The editors have taken this article off the site. It is no longer available.</p>
<p><a href="/">Read the latest from ${name}</a> or see <a href="/corrections">our corrections</a>.</p>
</main>
</body>
</html>
`;
}

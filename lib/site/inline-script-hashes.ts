import 'server-only';
import { createHash } from 'node:crypto';

// Next escapes `</script` inside its inline scripts, and so do our JSON-LD blocks: a script's text ends at the first `</script>`.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The CSP hash sources (`'sha256-…'`) of every inline script in a rendered page, in order, each once.
 * A browser hashes a script's text as the HTML parser hands it over: line breaks normalised to `\n`,
 * nothing else decoded (script text is raw). Script files (`src`) are not hashed: `'self'` allows them;
 * nor are data blocks such as JSON-LD, which never run.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`) || !isRunnableScript(attributes) || text === '') continue;
    const parsed = text.replace(/\r\n?/g, '\n');
    hashes.add(`'sha256-${createHash('sha256').update(parsed, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** A script element with no type, a JavaScript type or `module` runs; any other type is a data block. */
export function isRunnableScript(attributes: string): boolean {
  const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attributes}`);
  if (!type) return true;
  const value = (type[1] ?? type[2] ?? type[3] ?? '').trim().toLowerCase();
  return value === '' || value === 'module' || value === 'text/javascript' || value === 'application/javascript';
}

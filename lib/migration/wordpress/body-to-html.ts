import type { BodyContext } from './body-context';
import { blocksToHtml } from './blocks';
import { classicToHtml } from './classic-body';

export type { BodyContext, WxrAttachment } from './body-context';
export { classicToHtml } from './classic-body';

/** Elements the paste cleaner drops: named here so the report says what each post lost. */
const DROPPED: { pattern: RegExp; message: (tag: string) => string }[] = [
  { pattern: /<script\b[^>]*>/gi, message: () => 'A <script> was dropped' },
  { pattern: /<iframe\b[^>]*>/gi, message: (tag) => `An <iframe>${describeSource(tag)} was dropped` },
  { pattern: /<object\b[^>]*>/gi, message: () => 'An <object> was dropped' },
  { pattern: /<embed\b[^>]*>/gi, message: (tag) => `An <embed>${describeSource(tag)} was dropped` },
  { pattern: /<form\b[^>]*>/gi, message: () => 'A <form> was dropped' },
];

/** A WordPress post body (classic or block editor) as HTML for the paste cleaner. */
export function wordpressBodyToHtml(content: string, context: BodyContext): string {
  const html = /<!--\s+wp:/.test(content) ? blocksToHtml(content, context) : classicToHtml(content, context);
  for (const { pattern, message } of DROPPED) {
    for (const tag of html.match(pattern) ?? []) context.warn(message(tag));
  }
  return html;
}

function describeSource(tag: string): string {
  const src = /\ssrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
  return src ? ` (${src})` : '';
}

import 'server-only';
import { isRunnableScript } from './inline-script-hashes';

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
/** React's markers for content streamed after the shell: a boundary template, or the hidden part its script moves in. */
const STREAMED_PART = /<template id="[A-Z]+:|<div hidden id="S:/;
/** An element a component renders to say the page works only with its scripts (a client form, say). */
const NEEDS_SCRIPTS = /<[a-z][^>]*\sdata-needs-scripts(?=[\s=>/])/i;

/**
 * A reader page as it is kept and shared (docs/adr/015): the HTML the server rendered, without the
 * framework's browser code. Every script that would run is dropped (script files, the page data the
 * browser would hydrate from, the runtime's inline bootstraps) and so are preloads of scripts; data
 * blocks such as JSON-LD stay, as do styles, links and plain forms. Null when the page cannot do
 * without its scripts: content streamed in parts that a script moves into place, or an element marked
 * `data-needs-scripts`; such a page is kept as rendered.
 */
export function pageWithoutScripts(html: string): string | null {
  if (STREAMED_PART.test(html) || NEEDS_SCRIPTS.test(html)) return null;
  return html
    .replace(SCRIPT, (element, attributes: string) => (isRunnableScript(attributes) ? '' : element))
    .replace(LINK, (element) => (isScriptPreload(element) ? '' : element));
}

function isScriptPreload(link: string): boolean {
  const rel = attribute(link, 'rel')?.toLowerCase().split(/\s+/) ?? [];
  return rel.includes('modulepreload') || (rel.includes('preload') && attribute(link, 'as')?.toLowerCase() === 'script');
}

function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>/]+))`, 'i').exec(element);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

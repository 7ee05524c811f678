import { escapeHtml } from '@/lib/readers/mail/escape-html';
import { cardHtml, parseBody, type Warn } from './ghost-cards';

type LexicalNode = { type?: unknown; children?: unknown; [field: string]: unknown };

/** Lexical's text format bits, innermost first, so `<strong><em>` nests the way readers expect. */
const FORMATS: [bit: number, tag: string][] = [
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
  [4, 's'],
  [8, 'u'],
  [2, 'em'],
  [1, 'strong'],
];

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const childrenOf = (node: LexicalNode): LexicalNode[] =>
  Array.isArray(node.children) ? node.children.filter((child): child is LexicalNode => typeof child === 'object' && child !== null) : [];

/**
 * A Ghost 5/6 Lexical editor state (the JSON string Ghost stores in `posts.lexical`) as HTML for the
 * import's cleaner. All text is escaped; HTML cards pass through; what cannot be kept is reported to `warn`.
 */
export function renderLexical(state: unknown, warn: Warn): string {
  const root = (parseBody(state, 'Lexical', warn) as { root?: LexicalNode } | null)?.root;
  return root ? childrenOf(root).map((node) => renderBlock(node, warn)).join('') : '';
}

function renderBlock(node: LexicalNode, warn: Warn): string {
  const inline = () => childrenOf(node).map((child) => renderInline(child, warn)).join('');
  switch (node.type) {
    case 'paragraph':
    case 'extended-text': {
      const content = node.type === 'paragraph' ? inline() : renderInline(node, warn);
      return content ? `<p>${content}</p>` : '';
    }
    case 'heading':
    case 'extended-heading': {
      const tag = typeof node.tag === 'string' && HEADINGS.has(node.tag) ? node.tag : 'h2';
      return `<${tag}>${inline()}</${tag}>`;
    }
    case 'quote':
    case 'extended-quote':
    case 'aside':
      return `<blockquote><p>${inline()}</p></blockquote>`;
    case 'list':
      return renderList(node, warn);
    default: {
      const html = cardHtml(String(node.type), node, warn);
      if (html === undefined) warn(`Unknown Lexical card "${String(node.type)}" dropped`);
      return html ?? '';
    }
  }
}

function renderList(node: LexicalNode, warn: Warn): string {
  const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const item of childrenOf(node)) {
    const parts = childrenOf(item);
    const render = (child: LexicalNode) => (child.type === 'list' ? renderList(child, warn) : renderInline(child, warn));
    // Lexical nests a list in an item of its own; readers expect it inside the item before.
    if (parts.length > 0 && parts.every((child) => child.type === 'list') && items.length > 0) {
      items[items.length - 1] = items[items.length - 1]!.replace(/<\/li>$/, `${parts.map(render).join('')}</li>`);
      continue;
    }
    items.push(`<li>${parts.map(render).join('')}</li>`);
  }
  return `<${tag}>${items.join('')}</${tag}>`;
}

function renderInline(node: LexicalNode, warn: Warn): string {
  switch (node.type) {
    case 'text':
    case 'extended-text': {
      const format = typeof node.format === 'number' ? node.format : 0;
      return FORMATS.reduce(
        (html, [bit, tag]) => (format & bit ? `<${tag}>${html}</${tag}>` : html),
        escapeHtml(typeof node.text === 'string' ? node.text : ''),
      );
    }
    case 'link':
    case 'autolink': {
      const content = childrenOf(node).map((child) => renderInline(child, warn)).join('');
      return typeof node.url === 'string' && node.url.trim() ? `<a href="${escapeHtml(node.url.trim())}">${content}</a>` : content;
    }
    case 'linebreak':
      return '<br>';
    case 'tab':
      return ' ';
    default:
      return childrenOf(node).map((child) => renderInline(child, warn)).join('');
  }
}

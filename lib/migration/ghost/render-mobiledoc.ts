import { escapeHtml } from '@/lib/readers/mail/escape-html';
import { cardHtml, figureHtml, parseBody, type Warn } from './ghost-cards';

type Payload = Record<string, unknown>;
type Mobiledoc = { atoms: unknown[]; cards: unknown[]; markups: unknown[]; sections: unknown[] };

const MARKUP_TAGS = new Set(['a', 'strong', 'b', 'em', 'i', 's', 'u', 'code', 'sub', 'sup']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const QUOTES = new Set(['blockquote', 'aside', 'pull-quote']);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A Ghost 4 Mobiledoc document (0.3: sections of markers with opened and closed markups, atoms,
 * cards) as HTML for the import's cleaner. All text is escaped; what cannot be kept is reported to `warn`.
 */
export function renderMobiledoc(source: unknown, warn: Warn): string {
  const raw = (parseBody(source, 'Mobiledoc', warn) ?? {}) as Partial<Mobiledoc>;
  const doc: Mobiledoc = { atoms: list(raw.atoms), cards: list(raw.cards), markups: list(raw.markups), sections: list(raw.sections) };
  return doc.sections.map((section) => renderSection(list(section), doc, warn)).join('');
}

function renderSection(section: unknown[], doc: Mobiledoc, warn: Warn): string {
  const [type, second, third] = section;
  switch (type) {
    case 1: {
      const tag = String(second ?? 'p').toLowerCase();
      const content = renderMarkers(list(third), doc, warn);
      if (HEADINGS.has(tag)) return `<${tag}>${content}</${tag}>`;
      if (QUOTES.has(tag)) return `<blockquote><p>${content}</p></blockquote>`;
      return content ? `<p>${content}</p>` : '';
    }
    case 2:
      return figureHtml({ src: second, alt: third });
    case 3: {
      const tag = String(second).toLowerCase() === 'ol' ? 'ol' : 'ul';
      return `<${tag}>${list(third).map((item) => `<li>${renderMarkers(list(item), doc, warn)}</li>`).join('')}</${tag}>`;
    }
    case 10: {
      const [name, payload] = list(doc.cards[Number(second)]);
      return renderCard(String(name), (payload ?? {}) as Payload, warn);
    }
    default:
      warn(`Unknown Mobiledoc section type ${String(type)} dropped`);
      return '';
  }
}

/** Each marker opens markups (pushed), writes its text or atom, then closes its count from the top. */
function renderMarkers(markers: unknown[], doc: Mobiledoc, warn: Warn): string {
  const open: (string | null)[] = [];
  let html = '';
  for (const marker of markers) {
    const [kind, opened, closed, value] = list(marker);
    for (const index of list(opened)) {
      const [tagName, attributes] = list(doc.markups[Number(index)]);
      const tag = String(tagName ?? '').toLowerCase();
      if (!MARKUP_TAGS.has(tag)) {
        open.push(null);
        continue;
      }
      const pairs = list(attributes);
      const hrefAt = pairs.findIndex((item, at) => at % 2 === 0 && String(item).toLowerCase() === 'href');
      const href = tag === 'a' && hrefAt >= 0 ? ` href="${escapeHtml(String(pairs[hrefAt + 1] ?? ''))}"` : '';
      html += `<${tag}${href}>`;
      open.push(tag);
    }
    html += kind === 1 ? renderAtom(list(doc.atoms[Number(value)]), warn) : escapeHtml(typeof value === 'string' ? value : '');
    for (let count = Number(closed) || 0; count > 0 && open.length > 0; count--) {
      const tag = open.pop();
      if (tag) html += `</${tag}>`;
    }
  }
  while (open.length > 0) {
    const tag = open.pop();
    if (tag) html += `</${tag}>`;
  }
  return html;
}

function renderAtom([name, text]: unknown[], warn: Warn): string {
  if (name === 'soft-return') return '<br>';
  warn(`Unknown Mobiledoc atom "${String(name)}" kept as its text`);
  return escapeHtml(typeof text === 'string' ? text : '');
}

function renderCard(name: string, card: Payload, warn: Warn): string {
  const html = cardHtml(name, card, warn);
  if (html === undefined) warn(`Unknown Mobiledoc card "${name}" dropped`);
  return html ?? '';
}

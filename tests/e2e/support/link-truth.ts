import Database from 'better-sqlite3';
import type { Locator } from '@playwright/test';
import Parser from 'rss-parser';
import { DEMO_SERVER } from './servers';
import { redactSecretLinks } from '../../../lib/readers/mail/redact-secret-links';

/** Where a shared campaign body holds each reader's own unsubscribe link (lib/readers/mail/issue-mail.ts). */
const UNSUBSCRIBE_SLOT = '%%UNSUBSCRIBE_URL%%';

/** What the database says an item pointing at a record must show: its title and, by name, its other facts. */
export type RecordFacts = { label: string; title: string; facts: Record<string, string[]> };

/** What a list item shows, as read in the browser. */
export type ShownItem = { address: string; title: string; facts: Record<string, string[]>; text: string };

/** Finds the record(s) an item points to; the item must match one of them in every fact it shows. */
export type Resolve = (item: ShownItem) => RecordFacts[];

export type ListCheck = {
  resolve: Resolve;
  /** The items, relative to the list (default: every `li`). */
  items?: string;
  /** In each item, the element pointing at its record: its href (or src) is the address (default: the first link). */
  link?: string;
  /** Where the item's title is, when it is not the link's own name. */
  title?: string;
  /** Each shown fact by name: a selector inside the item, read as text, or `selector@attribute`. */
  facts?: Record<string, string>;
  /** Facts that must appear somewhere in the item's text, for lists without per-fact markup. */
  mentions?: string[];
  /** At least this many items (default 1): an empty list proves nothing. */
  minimum?: number;
};

/**
 * Reads every item of a list and checks it against the record its link points to: the title and each
 * named fact must be that record's own, so a row showing another record's text fails. Returns the number of items checked.
 */
export async function expectListMatchesRecords(list: Locator, check: ListCheck): Promise<number> {
  const shown = await readItems(list, check);
  const minimum = check.minimum ?? 1;
  if (shown.length < minimum) throw new Error(`Expected at least ${minimum} items in the list, found ${shown.length}.`);
  const problems = shown.flatMap((item, index) => {
    const problem = mismatch(item, check);
    return problem ? [`item ${index + 1} (${item.address || item.title}): ${problem}`] : [];
  });
  if (problems.length > 0) throw new Error(`List items do not match the records they point to:\n${problems.join('\n')}`);
  return shown.length;
}

/** The demo server's database, read-only: the source of truth the lists are checked against. */
export class RecordBook {
  private connection: Database.Database | null = null;

  constructor(private readonly databasePath: string = DEMO_SERVER.databasePath) {}

  close(): void {
    this.connection?.close();
    this.connection = null;
  }

  /** Any reader-site address: article, issue, section, author, entity or standalone page. */
  readonly publicPage: Resolve = (item) => {
    const [, first = '', slug = ''] = pathOf(item.address).split('/');
    if (first === 'articles') return this.publicArticleFacts(slug);
    if (first === 'issues') return this.issue(slug);
    if (first === 'sections') return this.rows('select name as title from sections where slug = ?', slug).map((row) => facts(`section ${slug}`, row.title));
    if (first === 'authors') return this.rows('select name as title from contributors where slug = ?', slug).map((row) => facts(`author ${slug}`, row.title));
    const kind = ENTITY_KINDS[first] ?? null;
    if (kind) return this.rows('select name as title from entities where kind = ? and slug = ?', kind, slug).map((row) => facts(`${kind} ${slug}`, row.title));
    // A standalone page lives at /<slug>: readers see its published title.
    if (slug === '' && first !== '') return this.rows("select published_title as title from pages where slug = ? and status = 'published'", first).map((row) => facts(`page ${first}`, row.title));
    return [];
  };

  /** An entry on /corrections: its article's published title, and one of that article's public notes. */
  readonly correction: Resolve = (item) => {
    const article = this.publicArticle(pathOf(item.address).split('/')[2] ?? '');
    if (!article) return [];
    return this.rows('select kind, note, created_at from article_corrections where article_id = ? order by id', article.id).map((row) =>
      facts(`article ${article.id} (${article.slug})`, article.title, {
        note: [`${CORRECTION_LABELS[row.kind]}, ${formatDate(row.created_at)}: ${row.note}`],
        createdAt: [iso(row.created_at)],
      }),
    );
  };

  /** A desk link to an article's editor: its working copy, as the desk shows it. */
  readonly deskArticle: Resolve = (item) => {
    const id = Number(/^\/desk\/articles\/(\d+)/.exec(pathOf(item.address))?.[1]);
    const row = this.row(
      `select a.id, a.title, a.status, a.updated_at, a.published_at, a.scheduled_for, s.name as section, i.title as issue
       from articles a left join sections s on s.id = a.section_id left join issues i on i.id = a.issue_id where a.id = ?`,
      id,
    );
    if (!row) return [];
    const authors = this.rows('select c.name from article_authors p join contributors c on c.id = p.contributor_id where p.article_id = ? order by p.position', id).map(
      (author) => String(author.name),
    );
    return [
      facts(`article ${id}`, row.title || 'Untitled', {
        status: [STATUS_LABELS[row.status] ?? row.status],
        authors,
        authorLine: [authors.join(', ') || '—'],
        section: optional(row.section),
        issue: optional(row.issue),
        updatedAt: [iso(row.updated_at)],
        publishedAt: row.published_at === null ? [] : [iso(row.published_at)],
        scheduledFor: row.scheduled_for === null ? [] : [iso(row.scheduled_for)],
      }),
    ];
  };

  /** A staff member's inbox entry: one of their notifications about the article (and note) it links to. */
  notificationFor(email: string): Resolve {
    return (item) => {
      const [, articleId, noteId] = /^\/desk\/articles\/(\d+)(?:#note-(\d+))?$/.exec(pathAndHash(item.address)) ?? [];
      if (!articleId) return [];
      return this.rows(
        `select n.id, n.message, n.created_at from notifications n join users u on u.id = n.user_id
         where u.email = ? and n.article_id = ? and n.note_id is ? order by n.id desc`,
        email,
        Number(articleId),
        noteId === undefined ? null : Number(noteId),
      ).map((row) => facts(`notification ${row.id}`, row.message, { createdAt: [iso(row.created_at)] }));
    };
  }

  /** A row of an article's history: the revision its "View" link opens. */
  readonly revision: Resolve = (item) => {
    const revisionId = Number(new URL(item.address, 'http://site').searchParams.get('view'));
    const row = this.row(
      'select r.id, r.version, r.reason, r.note, r.word_count, u.name as author from revisions r left join users u on u.id = r.author_id where r.id = ?',
      revisionId,
    );
    if (!row) return [];
    return [
      facts(`revision ${revisionId}`, `View version ${row.version}`, {
        id: [String(row.id)],
        version: [String(row.version)],
        what: [`${REVISION_LABELS[row.reason]}${row.note ? ` — ${row.note}` : ''}`],
        who: [row.author ?? '—'],
        words: [String(row.word_count)],
      }),
    ];
  };

  /** A card in the media library: the image its thumbnail is a copy of. */
  readonly media: Resolve = (item) => {
    // The address may carry a signature after the id: `/api/media/12-<signature>/w480.png`.
    const id = Number(/^\/api\/media\/(\d+)(?:-[^/]*)?\//.exec(pathOf(item.address))?.[1]);
    const row = this.row('select id, alt, caption, credit, original_name, width, height from media where id = ?', id);
    if (!row) return [];
    return [
      facts(`image ${id}`, row.alt, {
        details: [
          row.alt || 'Missing: describe the image for readers who cannot see it.',
          row.caption || '—',
          row.credit || '—',
          `${row.original_name}, ${row.width} × ${row.height}`,
        ],
      }),
    ];
  };

  /**
   * A row of the outbox (which links nowhere): a queued message with the subject shown. An issue campaign's
   * rows share one stored body, whose slot for each reader's unsubscribe link the desk shows as hidden.
   */
  readonly outboxMessage: Resolve = (item) =>
    this.rows(
      'select o.id, o.kind, o.to_address, coalesce(b.text, o.text) as text, o.status from outbox o left join mail_bodies b on b.id = o.body_id where o.subject = ? order by o.id desc',
      item.title,
    ).map((row) =>
      facts(`message ${row.id}`, item.title, {
        to: [row.to_address],
        kind: [row.kind],
        text: [normalize(redactSecretLinks(row.text).replaceAll(UNSUBSCRIBE_SLOT, '[unsubscribe link hidden]'))],
        status: [OUTBOX_LABELS[row.status] ?? row.status],
      }),
    );

  /** A published article by its public slug, as reader lists show it: all from the published snapshot. */
  publicArticle(slug: string): PublicArticle | null {
    const row = this.row(
      `select a.id, r.title, r.dek, a.published_at, a.modified_at, s.name as section
       from articles a join revisions r on r.id = a.published_revision_id left join sections s on s.id = a.published_section_id
       where r.slug = ? and a.status = 'published' and a.published_at is not null`,
      slug,
    );
    if (!row) return null;
    const authors = this.rows(
      'select c.name from published_article_authors p join contributors c on c.id = p.contributor_id where p.article_id = ? order by p.position',
      row.id,
    ).map((author) => normalize(author.name));
    return {
      id: Number(row.id),
      slug,
      title: normalize(row.title),
      dek: normalize(row.dek),
      section: row.section ?? null,
      authors,
      publishedAt: iso(row.published_at),
      modifiedAt: iso(row.modified_at ?? row.published_at),
    };
  }

  private publicArticleFacts(slug: string): RecordFacts[] {
    const article = this.publicArticle(slug);
    if (!article) return [];
    return [
      facts(`article ${article.id} (${slug})`, article.title, {
        dek: optional(article.dek),
        section: optional(article.section),
        authors: article.authors,
        publishedAt: [article.publishedAt],
        date: [formatDate(Date.parse(article.publishedAt))],
      }),
    ];
  }

  issue(slug: string): RecordFacts[] {
    return this.rows("select title, volume, number from issues where slug = ? and status = 'published'", slug).map((row) =>
      facts(`issue ${slug}`, row.title, { volume: [`Volume ${row.volume}, Number ${row.number}`] }),
    );
  }

  /** Rows straight from the database, for checks that are not about one list. */
  rows(sql: string, ...parameters: unknown[]): Row[] {
    return this.database().prepare(sql).all(...parameters) as Row[];
  }

  /** The first column of the first row; throws when there is none, since the demo data is known. */
  value(sql: string, ...parameters: unknown[]): string {
    const row = this.row(sql, ...parameters);
    if (!row) throw new Error(`The demo database has no row for: ${sql}`);
    return String(Object.values(row)[0]);
  }

  private row(sql: string, ...parameters: unknown[]): Row | undefined {
    return this.database().prepare(sql).get(...parameters) as Row | undefined;
  }

  private database(): Database.Database {
    this.connection ??= new Database(this.databasePath, { readonly: true, fileMustExist: true });
    return this.connection;
  }
}

/** "3 April 2025", as the reader site writes dates. */
export function formatDate(milliseconds: number): string {
  return LONG_DATE.format(new Date(milliseconds));
}

export function normalize(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A published article as its snapshot stands: what every reader list and feed must show of it. */
export type PublicArticle = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  section: string | null;
  authors: string[];
  publishedAt: string;
  modifiedAt: string;
};

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows of hand-written SQL

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const ENTITY_KINDS: Record<string, string> = { countries: 'country', treaties: 'treaty', people: 'person', organizations: 'organization', topics: 'topic' };

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

const REVISION_LABELS: Record<string, string> = {
  autosave: 'Autosave',
  save: 'Saved',
  submit: 'Submitted',
  publish: 'Published',
  restore: 'Restored',
  correction: 'Correction',
  import: 'Imported',
  conflict: 'Kept aside in a conflict',
};

const CORRECTION_LABELS: Record<string, string> = { correction: 'Correction', clarification: 'Clarification', update: 'Update' };

const OUTBOX_LABELS: Record<string, string> = { pending: 'Waiting', sent: 'Sent', failed: 'Failed' };

function facts(label: string, title: string, named: Record<string, string[]> = {}): RecordFacts {
  return { label, title: normalize(title), facts: Object.fromEntries(Object.entries(named).map(([name, values]) => [name, values.map(normalize)])) };
}

function optional(value: string | null | undefined): string[] {
  return value ? [value] : [];
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

function pathOf(address: string): string {
  return new URL(address, 'http://site').pathname;
}

function pathAndHash(address: string): string {
  const url = new URL(address, 'http://site');
  return `${url.pathname}${url.hash}`;
}

/** Why an item does not match any record its address resolves to, or null when it matches one. */
function mismatch(item: ShownItem, check: ListCheck): string | null {
  const candidates = check.resolve(item);
  if (candidates.length === 0) return 'points to no record in the database';
  const differences = candidates.map((record) => differencesFrom(item, record, check));
  if (differences.some((found) => found.length === 0)) return null;
  return `does not match ${candidates[0]?.label}: ${differences[0]?.join('; ')}`;
}

function differencesFrom(item: ShownItem, record: RecordFacts, check: ListCheck): string[] {
  const found: string[] = [];
  if (item.title !== record.title) found.push(`shows title "${item.title}", the record's is "${record.title}"`);
  for (const name of Object.keys(check.facts ?? {})) {
    const expected = record.facts[name];
    if (!expected) throw new Error(`The record ${record.label} has no fact named "${name}".`);
    const shown = item.facts[name] ?? [];
    if (shown.join('\n') !== expected.join('\n')) found.push(`shows ${name} ${JSON.stringify(shown)}, the record's is ${JSON.stringify(expected)}`);
  }
  for (const name of check.mentions ?? []) {
    const expected = record.facts[name];
    if (!expected) throw new Error(`The record ${record.label} has no fact named "${name}".`);
    const missing = expected.filter((value) => !item.text.includes(value));
    if (missing.length > 0) found.push(`does not mention its ${name} ${JSON.stringify(missing)}`);
  }
  return found;
}

async function readItems(list: Locator, check: ListCheck): Promise<ShownItem[]> {
  await list.first().waitFor({ state: 'attached' });
  return list.first().evaluate(
    (container, { items, link, title, named }) => {
      const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      const read = (item: Element, spec: string): string[] => {
        const at = spec.lastIndexOf('@');
        const [selector, attribute] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, null];
        return [...item.querySelectorAll(selector)].map((element) => clean(attribute ? element.getAttribute(attribute) : element.textContent));
      };
      return [...container.querySelectorAll(items)].map((item) => {
        const pointer = item.querySelector(link);
        const titleElement = title ? item.querySelector(title) : pointer;
        const shownTitle = title
          ? clean(titleElement?.textContent)
          : clean(pointer?.getAttribute('aria-label') ?? (pointer instanceof HTMLImageElement ? pointer.alt : pointer?.textContent));
        return {
          address: pointer?.getAttribute('href') ?? pointer?.getAttribute('src') ?? '',
          title: shownTitle,
          facts: Object.fromEntries(Object.entries(named).map(([name, spec]) => [name, read(item, spec)])),
          text: clean(item.textContent),
        };
      });
    },
    { items: check.items ?? 'li', link: check.link ?? 'a[href]', title: check.title ?? null, named: check.facts ?? {} },
  );
}

/**
 * Checks every entry of an RSS or Atom feed against the article its link points to: title, guid
 * (which names the article's id), byline and dates must all be that article's. Returns the number of entries.
 */
export async function expectFeedMatchesRecords({ xml, book, minimum = 1 }: { xml: string; book: RecordBook; minimum?: number }): Promise<number> {
  const feed = await new Parser<object, FeedItem>({ customFields: { item: ['dc:creator', 'published', 'updated'] } }).parseString(xml);
  if (feed.items.length < minimum) throw new Error(`Expected at least ${minimum} entries in the feed, found ${feed.items.length}.`);
  const isAtom = /<feed[\s>]/.test(xml);
  const problems = feed.items.flatMap((entry, index) => {
    const article = book.publicArticle(pathOf(entry.link ?? '').split('/')[2] ?? '');
    const where = `entry ${index + 1} (${entry.link})`;
    if (!article) return [`${where}: points to no published article`];
    const shown = {
      title: normalize(entry.title),
      id: /:article:(\d+)$/.exec(entry.guid ?? entry.id ?? '')?.[1] ?? '',
      published: instant(isAtom ? entry.published : entry.pubDate),
      // RSS has one date per item, its first publication; Atom adds when it last changed.
      modified: isAtom ? instant(entry.updated) : null,
      authors: isAtom ? normalize(entry.author) : normalize(entry['dc:creator']),
    };
    const expected = {
      title: article.title,
      id: String(article.id),
      // An RSS date (RFC 822) has no fraction of a second.
      published: isAtom ? article.publishedAt : toWholeSecond(article.publishedAt),
      modified: isAtom ? article.modifiedAt : null,
      authors: isAtom ? (article.authors[0] ?? '') : joinNames(article.authors),
    };
    const differences = (Object.keys(expected) as (keyof typeof expected)[])
      .filter((name) => shown[name] !== expected[name])
      .map((name) => `shows ${name} "${shown[name]}", article ${article.id} has "${expected[name]}"`);
    return differences.length > 0 ? [`${where}: ${differences.join('; ')}`] : [];
  });
  if (problems.length > 0) throw new Error(`Feed entries do not match the articles they link to:\n${problems.join('\n')}`);
  return feed.items.length;
}

/** Checks that every address in the sitemap is a public record, and that each article's lastmod is its last change. */
export function expectSitemapMatchesRecords({ xml, book }: { xml: string; book: RecordBook }): number {
  const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body = '']) => ({
    location: /<loc>([^<]*)<\/loc>/.exec(body)?.[1] ?? '',
    lastModified: /<lastmod>([^<]*)<\/lastmod>/.exec(body)?.[1] ?? null,
  }));
  const problems = entries.flatMap(({ location, lastModified }) => {
    const path = pathOf(location);
    if (path === '/' || path === '/issues') return [];
    if (book.publicPage({ address: path, title: '', facts: {}, text: '' }).length === 0) return [`${location}: is no public record`];
    if (!path.startsWith('/articles/')) return [];
    const article = book.publicArticle(path.split('/')[2] ?? '');
    const shown = instant(lastModified ?? undefined);
    return shown === article?.modifiedAt ? [] : [`${location}: lastmod ${shown}, the article last changed ${article?.modifiedAt}`];
  });
  if (problems.length > 0) throw new Error(`Sitemap entries do not match the records they name:\n${problems.join('\n')}`);
  return entries.length;
}

type FeedItem = { 'dc:creator'?: string; published?: string; updated?: string; id?: string; author?: string };

function toWholeSecond(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

function instant(text: string | undefined): string {
  const time = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? `unreadable date "${text}"` : new Date(time).toISOString();
}

/** "A", "A and B", "A, B and C": how the RSS creator names a byline. */
function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

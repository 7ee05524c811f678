import 'server-only';
import { Feed } from 'feed';

export type FeedFormat = 'rss' | 'atom';

export type FeedEntry = {
  title: string;
  link: string;
  /** Stays the same for the life of the entry, even when its link changes. */
  guid: string;
  publishedAt: Date;
  /** When the published text last changed (an update or correction). */
  modifiedAt: Date;
  /** Plain text: it is escaped here for the HTML that feed readers expect. */
  summary: string;
  authors: { name: string; link?: string }[];
};

export type FeedChannel = {
  title: string;
  /** The page the feed follows. */
  pageUrl: string;
  description: string;
  /** The feed's own address in this format (`rel="self"`), which feed validators ask for. */
  selfUrl: string;
  entries: FeedEntry[];
};

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/**
 * An RSS 2.0 or Atom 1.0 document, written by the `feed` library. Text fields are plain text in our
 * database; Atom declares its title and summary as HTML and RSS readers treat descriptions as HTML,
 * so both are escaped. An RSS title is plain XML text, never CDATA, so a reader shows it as stored.
 * The channel's date is its newest entry's, so an unchanged feed reads the same.
 */
export function renderFeed({ channel, format }: { channel: FeedChannel; format: FeedFormat }): string {
  const newest = channel.entries.reduce<Date | null>((latest, entry) => (!latest || entry.modifiedAt > latest ? entry.modifiedAt : latest), null);
  const feed = new Feed({
    id: channel.pageUrl,
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    link: channel.pageUrl,
    language: 'en',
    updated: newest ?? undefined,
    generator: 'Masthead',
    feedLinks: format === 'rss' ? { rss: channel.selfUrl } : { atom: channel.selfUrl },
  });
  for (const entry of channel.entries) {
    feed.addItem({
      title: format === 'atom' ? escapeHtml(xmlSafe(entry.title)) : entry.title,
      id: entry.guid,
      guid: entry.guid,
      link: entry.link,
      date: entry.modifiedAt,
      published: entry.publishedAt,
      description: escapeHtml(xmlSafe(entry.summary)),
      ...(format === 'atom'
        ? { author: entry.authors.map((author) => ({ name: xmlSafe(author.name), link: author.link })) }
        : { extensions: [rssTitle(entry.title), ...rssCreator(entry.authors)] }),
    });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}

/** `feed` puts RSS titles in CDATA, which `]]>` breaks; this element replaces that one with escaped text. */
function rssTitle(title: string): { name: string; objects: Record<string, unknown> } {
  return { name: 'title', objects: { _text: xmlText(title) } };
}

/** RSS `<author>` must be an email address, so names go in Dublin Core's creator, declared on the element itself. */
function rssCreator(authors: { name: string }[]): { name: string; objects: Record<string, unknown> }[] {
  if (authors.length === 0) return [];
  const names = authors.map((author) => xmlText(author.name));
  const text = names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return [{ name: 'dc:creator', objects: { _attributes: { 'xmlns:dc': DUBLIN_CORE }, _text: text } }];
}

/** Characters XML 1.0 cannot carry at all are dropped. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * Plain text for an XML text node written by xml-js, which escapes `<`, `>` and `&` itself but first
 * turns every `&amp;` back into `&`; escaping ampersands here is what that step undoes, so a literal
 * `&amp;` in a title survives.
 */
function xmlText(text: string): string {
  return xmlSafe(text).replaceAll('&', '&amp;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

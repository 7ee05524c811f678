export type RssItem = {
  title: string;
  link: string;
  /** Stays the same for the life of the item, even when its link changes. */
  guid: string;
  isGuidPermaLink: boolean;
  pubDate: Date;
  description: string;
  creators?: string[];
};

export type RssChannel = {
  title: string;
  link: string;
  description: string;
  /** The feed's own address (`atom:link rel="self"`), which feed validators ask for. */
  selfUrl: string;
  language?: string;
  items: RssItem[];
};

/** An RSS 2.0 document; `lastBuildDate` is the newest item's date, so an unchanged feed reads the same byte for byte. */
export function renderRss(channel: RssChannel): string {
  const newest = channel.items.reduce<Date | null>((latest, item) => (!latest || item.pubDate > latest ? item.pubDate : latest), null);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    element({ name: 'title', text: channel.title, indent: 4 }),
    element({ name: 'link', text: channel.link, indent: 4 }),
    element({ name: 'description', text: channel.description, indent: 4 }),
    ...(channel.language ? [element({ name: 'language', text: channel.language, indent: 4 })] : []),
    ...(newest ? [element({ name: 'lastBuildDate', text: rfc822(newest), indent: 4 })] : []),
    `    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...channel.items.flatMap(renderItem),
    '  </channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Text safe inside an XML element or a quoted attribute; characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function renderItem(item: RssItem): string[] {
  return [
    '    <item>',
    element({ name: 'title', text: item.title, indent: 6 }),
    element({ name: 'link', text: item.link, indent: 6 }),
    `      <guid isPermaLink="${item.isGuidPermaLink ? 'true' : 'false'}">${escapeXml(item.guid)}</guid>`,
    element({ name: 'pubDate', text: rfc822(item.pubDate), indent: 6 }),
    element({ name: 'description', text: item.description, indent: 6 }),
    ...(item.creators ?? []).map((creator) => element({ name: 'dc:creator', text: creator, indent: 6 })),
    '    </item>',
  ];
}

function element({ name, text, indent }: { name: string; text: string; indent: number }): string {
  return `${' '.repeat(indent)}<${name}>${escapeXml(text)}</${name}>`;
}

/** RSS dates are RFC 822; `toUTCString` writes exactly that form ("Wed, 02 Apr 2025 08:30:00 GMT"). */
function rfc822(date: Date): string {
  return date.toUTCString();
}

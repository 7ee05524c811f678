import { describe, expect, it } from 'vitest';
import { escapeXml, renderRss, type RssItem } from '@/lib/feeds/rss';

function item(overrides: Partial<RssItem> = {}): RssItem {
  return {
    title: 'Finland moves to leave the Mine Ban Treaty',
    link: 'https://example.org/articles/finland',
    guid: 'tag:example.org,2018:article:7',
    isGuidPermaLink: false,
    pubDate: new Date('2025-04-02T08:30:00Z'),
    description: 'The fifth state in weeks.',
    ...overrides,
  };
}

function channel(items: RssItem[]) {
  return {
    title: 'Mine Ban Treaty · Masthead',
    link: 'https://example.org/treaties/mine-ban-treaty',
    description: 'The latest from Masthead on the Mine Ban Treaty.',
    selfUrl: 'https://example.org/treaties/mine-ban-treaty/feed.xml',
    language: 'en',
    items,
  };
}

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tom & Jerry's <"war">`)).toBe('Tom &amp; Jerry&apos;s &lt;&quot;war&quot;&gt;');
  });

  it('escapes an ampersand only once', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 cannot carry and keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u000Bc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('line\tone\nline two\r\n🛰')).toBe('line\tone\nline two\r\n🛰');
  });
});

describe('renderRss', () => {
  it('writes an RSS 2.0 channel with a self link and one item per entry, in the given order', () => {
    const xml = renderRss(channel([item(), item({ title: 'Older', guid: 'tag:example.org,2018:article:3', pubDate: new Date('2025-03-20T09:00:00Z') })]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<atom:link href="https://example.org/treaties/mine-ban-treaty/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<title>Mine Ban Treaty · Masthead</title>');
    expect(xml).toContain('<language>en</language>');
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml.indexOf('Finland moves')).toBeLessThan(xml.indexOf('<title>Older</title>'));
    expect(xml.trimEnd().endsWith('</channel>\n</rss>')).toBe(true);
  });

  it('dates items and the channel in RFC 822 form, the channel by its newest item', () => {
    const xml = renderRss(channel([item({ pubDate: new Date('2025-03-20T09:00:00Z') }), item({ pubDate: new Date('2025-04-02T08:30:00Z') })]));
    expect(xml).toContain('<pubDate>Thu, 20 Mar 2025 09:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Wed, 02 Apr 2025 08:30:00 GMT</lastBuildDate>');
  });

  it('leaves out lastBuildDate when there are no items', () => {
    const xml = renderRss(channel([]));
    expect(xml).not.toContain('lastBuildDate');
    expect(xml).not.toContain('<item>');
  });

  it('escapes text in every element, so markup in a title or dek stays text', () => {
    const xml = renderRss(
      channel([
        item({
          title: 'Q&A: <script>alert(1)</script>',
          description: 'Why "deterrence by denial" isn\'t new',
          link: 'https://example.org/articles/q-a?x=1&y=2',
          creators: ['Ann & Bob'],
        }),
      ]),
    );
    expect(xml).toContain('<title>Q&amp;A: &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('<description>Why &quot;deterrence by denial&quot; isn&apos;t new</description>');
    expect(xml).toContain('<link>https://example.org/articles/q-a?x=1&amp;y=2</link>');
    expect(xml).toContain('<dc:creator>Ann &amp; Bob</dc:creator>');
    expect(xml).not.toContain('<script>');
  });

  it('marks a guid that is not a URL as not a permalink', () => {
    expect(renderRss(channel([item()]))).toContain('<guid isPermaLink="false">tag:example.org,2018:article:7</guid>');
    expect(renderRss(channel([item({ guid: 'https://example.org/a', isGuidPermaLink: true })]))).toContain(
      '<guid isPermaLink="true">https://example.org/a</guid>',
    );
  });
});

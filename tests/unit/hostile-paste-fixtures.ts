import { GOOGLE_DOCS_FRAGMENT, WEB_FRAGMENT, WORD_FRAGMENT } from '../e2e/support/paste-fixtures';

export type HostilePaste = { name: string; html: string };

const longNote = (length: number) => Array.from({ length: Math.ceil(length / 10) }, (_, index) => `word${index % 10} xx.`).join(' ').slice(0, length);

/** Markup as the editor itself writes it (and so as it comes back inside a `data-pm-slice` copy), tampered with. */
const EDITOR_MARKUP: HostilePaste[] = [
  { name: 'a link carrying a class, a target and a title', html: '<p>See <a class="button danger" target="_top" title="x" href="https://example.org/a">the report</a>.</p>' },
  { name: 'a link to javascript:', html: '<p><a href="javascript:alert(1)">click</a> here</p>' },
  { name: 'a mention of an entity that does not exist', html: '<p>In <span class="entity-mention" data-entity-id="999999" data-kind="country">Atlantis</span> today</p>' },
  { name: 'a mention of a known entity', html: '<p>In <span class="entity-mention" data-entity-id="7" data-kind="country">Ruritania</span> today</p>' },
  { name: 'a mention of an unknown kind', html: '<p><span class="entity-mention" data-entity-id="7" data-kind="planet">Mars</span></p>' },
  { name: 'a mention without an id', html: '<p><span class="entity-mention" data-entity-id="abc" data-kind="country">Nowhere</span></p>' },
  { name: 'a mention with an empty label', html: '<p>x<span class="entity-mention" data-entity-id="7" data-kind="country"></span>y</p>' },
  { name: 'a mention with an over-long label', html: `<p><span class="entity-mention" data-entity-id="7" data-kind="country">${'Long name '.repeat(40)}</span></p>` },
  { name: 'a footnote over the limit', html: `<p>Claim<sup class="footnote-ref" data-note="${longNote(4500)}">*</sup> made.</p>` },
  { name: 'a footnote of one unbroken word over the limit', html: `<p>Claim<sup class="footnote-ref" data-note="${'x'.repeat(5000)}">*</sup></p>` },
  { name: 'an empty footnote', html: '<p>Claim<sup class="footnote-ref" data-note="   ">*</sup> made.</p>' },
  { name: 'a figure from another site', html: '<figure class="figure"><img src="https://images.example.org/port.jpg" alt="Port"><figcaption>The port</figcaption></figure><p>After</p>' },
  { name: 'a figure with inline data', html: '<figure class="figure"><img src="data:image/png;base64,AAAA" alt="x"></figure>' },
  {
    name: 'a library figure with a foreign srcset, bad sizes and over-long alt text',
    html: `<figure class="figure" data-media-id="-3"><img src="/api/media/4/w960.webp" srcset="/api/media/4/w480.webp 480w, https://evil.example/x.jpg 960w" alt="${'a'.repeat(400)}" width="0" height="99999999"><figcaption>Caption <span class="credit">Photo: Agency</span></figcaption></figure>`,
  },
  { name: 'a climb out of the media library', html: '<p><img src="/api/media/../desk/secret" alt=""></p>' },
  { name: 'headings of every level', html: '<h1>One</h1><h2>Two</h2><h5>Five</h5><h6>Six</h6><h4>Four</h4>' },
  {
    name: 'table cells with impossible spans and widths',
    html: '<table><tbody><tr><th colspan="5000" data-colwidth="abc" style="text-align: justify">Head</th><td rowspan="0" data-colwidth="10,20,30">x</td></tr><tr><td colspan="2" data-colwidth="-5,7">y</td></tr></tbody></table>',
  },
  { name: 'a table holding only a foreign image', html: '<table><tbody><tr><td><img src="https://images.example.org/a.jpg"></td></tr></tbody></table>' },
  { name: 'a pull quote with an attribution', html: '<aside class="pull-quote"><p>We are ready</p><footer>— A captain</footer></aside>' },
  { name: 'blockquotes nested a hundred deep', html: `${'<blockquote>'.repeat(100)}<p>Deep</p>${'</blockquote>'.repeat(100)}` },
  { name: 'lists nested eighty deep', html: `${'<ul><li><p>level</p>'.repeat(80)}${'</li></ul>'.repeat(80)}` },
  { name: 'scripts, styles and event handlers', html: '<p onclick="x()">Text<script>alert(1)</script><style>p{}</style><img src=x onerror="alert(1)"></p>' },
  { name: 'an unknown element with text', html: '<marquee>Moving</marquee><custom-thing data-x="1">Custom</custom-thing>' },
  { name: 'a footnote and a mention inside a link', html: '<p><a href="https://example.org"><span class="entity-mention" data-entity-id="999" data-kind="person">Ada</span><sup class="footnote-ref" data-note="n">*</sup></a></p>' },
];

/** The editor's own clipboard marker, with contexts that name nodes and attributes an article cannot have. */
const SLICE_MARKERS = [
  '0 0 []',
  '1 1 []',
  '2 2 ["bulletList",null,"listItem",null]',
  '1 1 ["heading",{"level":9}]',
  '9 9 []',
  '1 1 not json',
  '3 3 ["table",null,"tableRow",null,"tableCell",{"colspan":9999,"colwidth":"x","align":"justify"}]',
  '1 1 ["pullQuote",{"attribution":{"a":1}}]',
  '1 1 -2 ["blockquote",null]',
];

function withSliceMarker(html: string, marker: string): string {
  // As ProseMirror writes it: on the first element of the copied content.
  return html.replace(/^<([a-z0-9]+)/, (_match, tag: string) => `<${tag} data-pm-slice='${marker}'`);
}

export const HOSTILE_PASTES: HostilePaste[] = [
  ...EDITOR_MARKUP,
  ...EDITOR_MARKUP.flatMap((paste, index) => [
    { name: `${paste.name}, copied from an editor`, html: withSliceMarker(paste.html, '1 1 []') },
    { name: `${paste.name}, under the marker ${SLICE_MARKERS[index % SLICE_MARKERS.length]}`, html: withSliceMarker(paste.html, SLICE_MARKERS[index % SLICE_MARKERS.length]!) },
  ]),
  { name: 'Word', html: WORD_FRAGMENT },
  { name: 'Google Docs', html: GOOGLE_DOCS_FRAGMENT },
  { name: 'a web page', html: WEB_FRAGMENT },
  { name: 'a web page marked as an editor copy', html: withSliceMarker(WEB_FRAGMENT.replace(/^<html><body>\s*<!--StartFragment-->/, ''), '0 0 []') },
];

export const HOSTILE_TEXT_PASTES: string[] = [
  'javascript:alert(1)',
  'See https://example.org/a and mailto:desk@example.org',
  'First line\n\nSecond line with <b>tags</b> & entities',
  '\u0000\u0007 control characters',
];

export const KNOWN_ENTITY_IDS = [7];

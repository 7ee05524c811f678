import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '@/lib/content/clean-pasted-html';
import { htmlToArticleDoc, type ResolvedImage } from '@/lib/content/html-to-article-doc';
import type { BodyContext, WxrAttachment } from '@/lib/migration/wordpress/body-context';
import { convertShortcodes } from '@/lib/migration/wordpress/shortcodes';

/**
 * A long transcript must not stall an import: before, each bracket searched the rest of the body, which took
 * 0.7 s at 760 KB of "[sic]" and 4.6 s for unclosed brackets, and grew with the square of the length. Now
 * both take a few milliseconds; the budget leaves room for a slow, busy machine and none for the old way.
 */
const SHORTCODE_BUDGET_MS = 250;

/** Bracketed prose that only looks like a shortcode, as an edited transcript has it. */
function transcript(bytes: number, sentence = 'The minister said they [sic] would sign before the summit. '): string {
  return sentence.repeat(Math.ceil(bytes / sentence.length));
}

/** Median of three timed runs after a warm-up; each starts on a fresh turn of the event loop, as each post of an import does. */
async function medianMilliseconds(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const started = performance.now();
    run();
    if (attempt > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

const attachments = new Map<string, WxrAttachment>([
  ['11', { id: '11', url: 'https://old.example.org/silo.jpg', alt: 'A silo', caption: 'A decommissioned silo', title: 'Silo', parentId: '20' }],
  ['12', { id: '12', url: 'https://old.example.org/table.jpg', alt: '', caption: '', title: 'Table', parentId: '20' }],
]);

function bodyContext(warnings: string[] = []): BodyContext {
  return { attachments, postId: '20', footnotes: '', warn: (message) => warnings.push(message) };
}

function resolveImage(src: string): ResolvedImage | null {
  if (!src.endsWith('kept.jpg') && !src.endsWith('inline.png')) return null;
  return { mediaId: 3, src: '/api/media/3/w1600.jpg', srcset: '/api/media/3/w480.webp 480w', width: 1600, height: 900, alt: 'Library alt', caption: 'Library caption' };
}

describe('importing a very long body', () => {
  it('scans shortcodes in a long transcript within a few milliseconds, however many brackets are never closed', async () => {
    for (const body of [transcript(1_500_000), transcript(760_000, 'The [editor note: see the annex, as before. ')]) {
      expect(await medianMilliseconds(() => convertShortcodes(body, bodyContext()))).toBeLessThan(SHORTCODE_BUDGET_MS);
    }
  });
});

// What the conversions gave for these samples before their element searches were made faster: any change to their output shows here.
const CONVERSION_SAMPLE = [
  '<!-- wp:heading --><h1 id="top" class="entry">The <span style="font-weight:700">treaty</span> lapses</h1><!-- /wp:heading -->',
  '<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">1.</span>First step</p>',
  '<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">2.</span>Second step</p>',
  '<p class="MsoListParagraph" style="mso-list:l0 level2 lfo1"><span style="mso-list:Ignore">o</span>A detail</p>',
  '<p>Text with <b style="font-weight:normal">false bold</b>, <span style="font-style:italic;text-decoration:line-through">struck italics</span>, <span style="vertical-align:super">up</span> and <font color="red">colour</font><o:p></o:p>.</p>',
  '<p>A <a href="https://example.org/report" target="_blank" rel="noopener">fine link</a>, a <a href="javascript:alert(1)">bad one</a> and <a href="mailto:desk@example.org">mail</a>.</p>',
  '<p data-entity-id="4" class="lead">Claimed <span class="entity-mention" data-entity-id="9" data-kind="person">Someone</span> and a note<sup class="footnote-ref" data-note="A source.">1</sup>.</p>',
  '<script>alert(1)</script><iframe src="https://video.example.net/embed/1"></iframe><form><input name="q"></form>',
  '<figure><img src="https://old.example.org/kept.jpg" alt=" Kept "><figcaption>The caption</figcaption></figure>',
  '<p>Inline <img src="https://old.example.org/inline.png" alt="inline"> picture and <img src="https://old.example.org/missing.png"> gone.</p>',
  '<img src="">',
  '<pre>code  block\n  kept</pre><h5>Small head</h5><h6>Smaller</h6>',
  '<table><caption>Table caption</caption><thead><tr><th colspan="2">Head</th></tr></thead><tbody><tr><td rowspan="0">a</td><td colspan="5000">b</td></tr></tbody></table>',
  '<p>&nbsp;</p><p> </p><br><p>After empties</p><br><span>loose</span> text<br>',
  '<ol start="3"><li>Three</li><li>Four<ul><li>Nested <em>item</em></li></ul></li></ol><ol start="x"><li>Bad start</li></ol>',
  '<blockquote><p>Quoted <i>words</i></p></blockquote><aside class="pull-quote" style="color:red">Pulled<footer>Someone</footer></aside>',
  '<custom-widget data-x="1">Unknown element</custom-widget><section><article><p>Nested block</p></article></section>',
  '<div><div><p>Deep <strong>bold <em>both</em></strong> and <s>struck</s> <del>deleted</del> <sub>2</sub> word<wbr>break</p></div></div>',
  '<hr><h2>Second <u>heading</u></h2><h3>Third</h3><h4>Fourth</h4>',
  '<p>Trailing [sic] text &amp; entities &ldquo;quoted&rdquo;.</p><svg><text>drawing</text></svg><video src="https://v.example.net/a.mp4"></video>',
].join('\n');

const PASTE_SAMPLE = `<meta charset="utf-8"><b id="docs-internal-guid-1" style="font-weight:normal"><p data-pm-slice="1 1 []"><span style="font-weight:700">Bold</span> plain</p></b>${CONVERSION_SAMPLE}<!-- tail -->`;

const SHORTCODE_SAMPLE = [
  'He said [sic] twice [sic] and [[caption]] escaped, [Note] bracketed, [foo ] spaced.',
  '[caption id="attachment_11" align="alignnone" width="300"]<img src="https://old.example.org/silo.jpg" alt="" width="300" height="200" /> A silo[/caption]',
  '[gallery ids="12,11,99"] [embed]https://video.example.net/watch/42[/embed] [embed src="https://v.example.net/1" /]',
  '[highlight color="red"]kept [sic] [inner_code]inside[/inner_code][/highlight] [contact-form-7 id="5"] [my-plugin] [Box]boxed[/Box] [box]lower[/BOX]',
  '[caption caption="An &quot;old&quot; caption"]<a href="/x"><img src="/u/a.jpg"></a>[/caption] [caption]no image here[/caption] [[gallery ids="1"]',
  'Unclosed [quote who="x" and a [b] and [/sic] stray [a-b] [c_d/] [e /] [f]] end [g',
].join('\n');

const EXPECTED_DOC = {
  type: 'doc',
  content: [
    {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "The treaty lapses"}]},
    {"type": "orderedList", "attrs": {"start": 1, "type": null}, "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "First step"}]}]}, {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Second step"}]}, {"type": "bulletList", "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "A detail"}]}]}]}]}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Text with false bold, "}, {"type": "text", "marks": [{"type": "italic"}, {"type": "strike"}], "text": "struck italics"}, {"type": "text", "text": ", "}, {"type": "text", "marks": [{"type": "superscript"}], "text": "up"}, {"type": "text", "text": " and colour."}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "A "}, {"type": "text", "marks": [{"type": "link", "attrs": {"href": "https://example.org/report", "target": null, "rel": "noopener noreferrer", "class": null, "title": null}}], "text": "fine link"}, {"type": "text", "text": ", a bad one and "}, {"type": "text", "marks": [{"type": "link", "attrs": {"href": "mailto:desk@example.org", "target": null, "rel": "noopener noreferrer", "class": null, "title": null}}], "text": "mail"}, {"type": "text", "text": "."}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Claimed Someone and a note"}, {"type": "footnote", "attrs": {"note": "A source."}}, {"type": "text", "text": "."}]},
    {"type": "figure", "attrs": {"mediaId": 3, "src": "/api/media/3/w1600.jpg", "srcset": "/api/media/3/w480.webp 480w", "alt": "Kept", "caption": "The caption", "credit": "", "width": 1600, "height": 900}},
    {"type": "paragraph", "content": [{"type": "text", "text": "Inline"}]},
    {"type": "figure", "attrs": {"mediaId": 3, "src": "/api/media/3/w1600.jpg", "srcset": "/api/media/3/w480.webp 480w", "alt": "inline", "caption": "Library caption", "credit": "", "width": 1600, "height": 900}},
    {"type": "paragraph", "content": [{"type": "text", "text": " picture and gone."}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "code block kept"}]},
    {"type": "heading", "attrs": {"level": 4}, "content": [{"type": "text", "text": "Small head"}]},
    {"type": "heading", "attrs": {"level": 4}, "content": [{"type": "text", "text": "Smaller"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Table caption"}]},
    {"type": "table", "content": [{"type": "tableRow", "content": [{"type": "tableHeader", "attrs": {"colspan": 2, "rowspan": 1, "colwidth": null, "align": null}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Head"}]}]}]}, {"type": "tableRow", "content": [{"type": "tableCell", "attrs": {"colspan": 1, "rowspan": 1, "colwidth": null, "align": null}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "a"}]}]}, {"type": "tableCell", "attrs": {"colspan": 1, "rowspan": 1, "colwidth": null, "align": null}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "b"}]}]}]}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "After empties"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "loose text"}]},
    {"type": "orderedList", "attrs": {"start": 3, "type": null}, "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Three"}]}]}, {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Four"}]}, {"type": "bulletList", "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Nested "}, {"type": "text", "marks": [{"type": "italic"}], "text": "item"}]}]}]}]}]},
    {"type": "orderedList", "attrs": {"start": 1, "type": null}, "content": [{"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Bad start"}]}]}]},
    {"type": "blockquote", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Quoted "}, {"type": "text", "marks": [{"type": "italic"}], "text": "words"}]}]},
    {"type": "pullQuote", "attrs": {"attribution": "Someone"}, "content": [{"type": "text", "text": "Pulled"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Someone"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Unknown element"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Nested block"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Deep "}, {"type": "text", "marks": [{"type": "bold"}], "text": "bold "}, {"type": "text", "marks": [{"type": "bold"}, {"type": "italic"}], "text": "both"}, {"type": "text", "text": " and "}, {"type": "text", "marks": [{"type": "strike"}], "text": "struck"}, {"type": "text", "text": " "}, {"type": "text", "marks": [{"type": "strike"}], "text": "deleted"}, {"type": "text", "text": " "}, {"type": "text", "marks": [{"type": "subscript"}], "text": "2"}, {"type": "text", "text": " wordbreak"}]},
    {"type": "horizontalRule"},
    {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Second heading"}]},
    {"type": "heading", "attrs": {"level": 3}, "content": [{"type": "text", "text": "Third"}]},
    {"type": "heading", "attrs": {"level": 4}, "content": [{"type": "text", "text": "Fourth"}]},
    {"type": "paragraph", "content": [{"type": "text", "text": "Trailing [sic] text & entities “quoted”."}]},
  ],
};

describe('the output of the faster conversions', () => {
  it('turns a body with every kind of markup the cleaner handles into the same document as before', () => {
    const dropped: string[] = [];
    const result = htmlToArticleDoc(CONVERSION_SAMPLE, { resolveImage, onDropped: (description) => dropped.push(description) });
    expect(result.doc).toEqual(EXPECTED_DOC);
    expect(result.dropped).toEqual([
      "a script",
      "an embedded frame (https://video.example.net/embed/1)",
      "a form",
      "an SVG drawing",
      "a video (https://v.example.net/a.mp4)",
      "a link to javascript:alert(1)",
      "the image https://old.example.org/missing.png",
      "an image without an address",
    ]);
    expect(dropped).toEqual(result.dropped);
  });

  it('cleans a paste with the same markup into the same HTML as before', () => {
    const refused: string[] = [];
    const cleaned = cleanPastedHtml(PASTE_SAMPLE, new Window().document as unknown as Document, { onRefusedImage: (src) => refused.push(src) });
    expect(cleaned).toBe(
      [
        "<p data-pm-slice=\"1 1 []\"><strong>Bold</strong> plain</p><h2>The treaty lapses</h2>\n",
        "<ol><li>First step</li><li>Second step<ul><li>A detail</li></ul></li></ol>\n",
        "\n",
        "\n",
        "<p>Text with false bold, <em><s>struck italics</s></em>, <sup>up</sup> and colour<o:p></o:p>.</p>\n",
        "<p>A <a href=\"https://example.org/report\">fine link</a>, a bad one and <a href=\"mailto:desk@example.org\">mail</a>.</p>\n",
        "<p>Claimed <span data-entity-id=\"9\" data-kind=\"person\" class=\"entity-mention\">Someone</span> and a note<sup data-note=\"A source.\" class=\"footnote-ref\">1</sup>.</p>\n",
        "<div></div>\n",
        "<figure><figcaption>The caption</figcaption></figure>\n",
        "<p>Inline  picture and  gone.</p>\n",
        "\n",
        "<p>code  block\n",
        "  kept</p><h4>Small head</h4><h4>Smaller</h4>\n",
        "<p>Table caption</p><table><thead><tr><th colspan=\"2\">Head</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>\n",
        "<p>After empties</p>loose text\n",
        "<ol start=\"3\"><li>Three</li><li>Four<ul><li>Nested <em>item</em></li></ul></li></ol><ol><li>Bad start</li></ol>\n",
        "<blockquote><p>Quoted <i>words</i></p></blockquote><aside class=\"pull-quote\">Pulled<footer>Someone</footer></aside>\n",
        "<div>Unknown element</div><div><div><p>Nested block</p></div></div>\n",
        "<div><div><p>Deep <strong>bold <em>both</em></strong> and <s>struck</s> <del>deleted</del> <sub>2</sub> wordbreak</p></div></div>\n",
        "<hr><h2>Second heading</h2><h3>Third</h3><h4>Fourth</h4>\n",
        "<p>Trailing [sic] text &amp; entities “quoted”.</p>",
      ].join(''),
    );
    expect(refused).toEqual([
      "https://old.example.org/kept.jpg",
      "https://old.example.org/inline.png",
      "https://old.example.org/missing.png",
    ]);
  });

  it('replaces shortcodes, closed far away, escaped or never closed, as before', () => {
    const warnings: string[] = [];
    expect(convertShortcodes(SHORTCODE_SAMPLE, bodyContext(warnings), (html) => `<!--kept-->${html}`)).toBe(
      [
        "He said  twice [sic] and [caption] escaped, [Note] bracketed, [foo ] spaced.\n",
        "<!--kept--><figure><img src=\"https://old.example.org/silo.jpg\" alt=\"A silo\" width=\"300\" height=\"200\"><figcaption>A silo</figcaption></figure>\n",
        "<!--kept--><figure><img src=\"https://old.example.org/table.jpg\" alt=\"\"></figure><figure><img src=\"https://old.example.org/silo.jpg\" alt=\"A silo\"><figcaption>A decommissioned silo</figcaption></figure> <!--kept--><p><a href=\"https://video.example.net/watch/42\">https://video.example.net/watch/42</a></p> <!--kept--><p><a href=\"https://v.example.net/1\">https://v.example.net/1</a></p>\n",
        "kept [sic] inside   boxed [box]lower[/BOX]\n",
        "<!--kept--><figure><img src=\"/u/a.jpg\" alt=\"\"><figcaption>An &quot;old&quot; caption</figcaption></figure> <!--kept-->no image here <!--kept-->\n",
        "Unclosed  and  stray   [e /] [f]] end [g",
      ].join(''),
    );
    expect(warnings).toEqual([
      "Unknown shortcode [sic] removed",
      "Gallery image 99 is not in the export",
      "Unknown shortcode [highlight] removed",
      "Unknown shortcode [inner_code] removed",
      "Unknown shortcode [contact-form-7] removed",
      "Unknown shortcode [my-plugin] removed",
      "Unknown shortcode [box] removed",
      "Gallery image 1 is not in the export",
      "Unknown shortcode [quote] removed",
      "Unknown shortcode [a-b] removed",
      "Unknown shortcode [c_d] removed",
    ]);
  });
});

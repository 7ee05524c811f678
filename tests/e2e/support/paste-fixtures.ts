/**
 * HTML as Chromium puts it on the clipboard when copying from Word, Google Docs and a web page,
 * with what the article editor must hold after each is pasted (through `cleanPastedHtml` and the
 * editor's schema). Texts are compared after trimming and collapsing whitespace.
 */
export type PasteExpectations = {
  /** Text of each heading, in order. */
  headings: string[];
  /** Text of each list item's first paragraph (`li > p:first-child`), in order, at any depth. */
  listItems: string[];
  /** The subset of `listItems` that sit directly in an ordered list. */
  orderedListItems: string[];
  /** Items that must sit in a list nested inside another list item. */
  nestedListItems: string[];
  links: { text: string; href: string }[];
  boldTexts: string[];
  italicTexts: string[];
  strikeTexts: string[];
  superscriptTexts: string[];
  /** Text of each `th`/`td`, row by row. */
  tableCells: string[];
  figures: { src: string; alt: string; caption: string }[];
  /** Neither as text nor as markup may these appear in the editor. */
  mustNotContain: { texts: string[]; selectors: string[] };
};

export type PasteFixture = { name: string; html: string; expected: PasteExpectations };

const SELECTORS_NEVER_PASTED = ['script', 'style', 'meta', 'link', 'iframe', '[onclick]', '[lang]', 'o\\:p', 'font'];

export const WORD_FRAGMENT = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/editor/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Normal</w:View>
  <w:TrackMoves/>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:12.0pt;
	font-family:"Calibri",sans-serif;}
p.MsoListParagraphCxSpFirst
	{margin-left:36.0pt;}
@list l0:level1
	{mso-level-number-format:bullet;
	mso-level-text:\\F0B7;}
@list l1:level1
	{mso-level-tab-stop:none;}
-->
</style>
</head>

<body lang=EN-GB link="#0563C1" vlink="#954F72" style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->

<h2><span lang=EN-US>Treaty status<o:p></o:p></span></h2>

<p class=MsoNormal>The <b><span lang=EN-US>New START</span></b> treaty was <span
style='font-style:italic'>suspended</span> in 2023, according to the <a
href="https://www.state.gov/new-start/"><span style='color:#0563C1'>State
Department</span></a>; the <span style='font-weight:bold'>inspection regime</span>
has not resumed.<o:p></o:p></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Deployed warhead limits<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Counted at 1,550<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Data exchanges<o:p></o:p></p>

<h3><span lang=EN-US>Next steps<o:p></o:p></span></h3>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=EN-US><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US>Resume inspections<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US>Agree a <span style='text-decoration:line-through'>2025</span> 2026 deadline<o:p></o:p></span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Limit<o:p></o:p></b></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Ceiling<o:p></o:p></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Deployed warheads<o:p></o:p></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>1,550<o:p></o:p></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><img width=320 height=180 src="file:///C:/Users/editor/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" v:shapes="Picture_x0020_1"><o:p></o:p></p>

<!--EndFragment-->
</body>

</html>`;

export const WORD_EXPECTED: PasteExpectations = {
  headings: ['Treaty status', 'Next steps'],
  listItems: ['Deployed warhead limits', 'Counted at 1,550', 'Data exchanges', 'Resume inspections', 'Agree a 2025 2026 deadline'],
  orderedListItems: ['Resume inspections', 'Agree a 2025 2026 deadline'],
  nestedListItems: ['Counted at 1,550'],
  links: [{ text: 'State Department', href: 'https://www.state.gov/new-start/' }],
  boldTexts: ['New START', 'inspection regime', 'Limit', 'Ceiling'],
  italicTexts: ['suspended'],
  strikeTexts: ['2025'],
  superscriptTexts: [],
  tableCells: ['Limit', 'Ceiling', 'Deployed warheads', '1,550'],
  figures: [],
  mustNotContain: {
    texts: ['·', 'Font Definitions', 'mso-', 'StartFragment', 'OfficeDocumentSettings', 'supportLists', '1.Resume'],
    selectors: [...SELECTORS_NEVER_PASTED, 'img[src^="file:"]', '[class^="Mso"]'],
  },
};

export const GOOGLE_DOCS_FRAGMENT = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-6c1f2a9e-7fff-3b41-90d2-5e0a4c8b1d37"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Sanctions timeline</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">The </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">first package</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> was adopted by the </span><a href="https://www.consilium.europa.eu/en/policies/sanctions/" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Council of the EU</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> on the 23</span><span style="font-size:0.6em;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:super;white-space:pre;white-space:pre-wrap;">rd</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">; a </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">price cap</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> followed, and an </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:line-through;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">import ban</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> was dropped.</span></p><br /><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Asset freezes</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Travel bans</span></p></li></ul><br /><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200" /><col width="200" /></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Package</span></p></td><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Adopted</span></p></td></tr><tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">First</span></p></td><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">February 2022</span></p></td></tr></tbody></table></div></b><br class="Apple-interchange-newline">`;

export const GOOGLE_DOCS_EXPECTED: PasteExpectations = {
  headings: ['Sanctions timeline'],
  listItems: ['Asset freezes', 'Travel bans'],
  orderedListItems: [],
  nestedListItems: [],
  links: [{ text: 'Council of the EU', href: 'https://www.consilium.europa.eu/en/policies/sanctions/' }],
  boldTexts: ['first package', 'Package', 'Adopted'],
  italicTexts: ['price cap'],
  strikeTexts: ['import ban'],
  superscriptTexts: ['rd'],
  tableCells: ['Package', 'Adopted', 'First', 'February 2022'],
  figures: [],
  mustNotContain: {
    texts: [],
    selectors: [...SELECTORS_NEVER_PASTED, '[id^="docs-internal-guid"]', '[dir]', '[role="presentation"]', '[aria-level]'],
  },
};

export const WEB_FRAGMENT = `<html><body>
<!--StartFragment--><article class="story-body" data-component="article">
<h1 class="headline" id="top">Grain corridor reopens</h1>
<script>window.trackPaste && window.trackPaste('article');</script>
<p class="lede" style="font-size:1.2em" onclick="window.pasteTracked = true">Ships left <strong class="em-strong">Odesa</strong> on Monday, <em>the first in months</em>, said the <a href="https://www.un.org/en/black-sea-grain-initiative" target="_blank" class="ext" rel="nofollow">UN coordination centre</a>.</p>
<div class="ad-slot"><iframe src="https://ads.example.com/slot?id=42" width="300" height="250"></iframe></div>
<figure class="media"><img src="https://images.example.org/port.jpg" alt="Cargo ship leaving port" width="1200" height="800" onerror="window.pasteTracked = true" loading="lazy"><figcaption class="caption">The first convoy</figcaption></figure>
<p>Insurers had <span style="text-decoration: line-through">refused</span> delayed cover. <a href="javascript:alert(document.domain)">Read more</a> about <u>risk</u>.</p>
<blockquote class="quote"><p>“We are ready,” said one captain.</p></blockquote>
<ol start="3"><li>Inspections at Istanbul</li><li>Escorted transit</li></ol>
<button class="share" onclick="share()">Share this story</button>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="tracking pixel">
</article><!--EndFragment-->
</body></html>`;

export const WEB_EXPECTED: PasteExpectations = {
  headings: ['Grain corridor reopens'],
  listItems: ['Inspections at Istanbul', 'Escorted transit'],
  orderedListItems: ['Inspections at Istanbul', 'Escorted transit'],
  nestedListItems: [],
  links: [{ text: 'UN coordination centre', href: 'https://www.un.org/en/black-sea-grain-initiative' }],
  boldTexts: ['Odesa'],
  italicTexts: ['the first in months'],
  strikeTexts: ['refused'],
  superscriptTexts: [],
  tableCells: [],
  // The reader site loads images only from the media library, so an image from another site is left out.
  figures: [],
  mustNotContain: {
    texts: ['trackPaste', 'Share this story'],
    selectors: [
      ...SELECTORS_NEVER_PASTED,
      '[onerror]',
      'a[href^="javascript:"]',
      'img[src^="data:"]',
      'img[src^="https:"]',
      '[data-component]',
      '.story-body',
      '.lede',
      'u',
      'button',
    ],
  },
};

export const PASTE_FIXTURES: PasteFixture[] = [
  { name: 'Word', html: WORD_FRAGMENT, expected: WORD_EXPECTED },
  { name: 'Google Docs', html: GOOGLE_DOCS_FRAGMENT, expected: GOOGLE_DOCS_EXPECTED },
  { name: 'a web page', html: WEB_FRAGMENT, expected: WEB_EXPECTED },
];

/** A footnote of 450 numbered words, well over the 2,000 characters a note may hold. */
export const OVER_LONG_NOTE = Array.from({ length: 450 }, (_, index) => `source${index}`).join(' ');

/**
 * What Chromium puts on the clipboard when part of an article is copied in the editor (ProseMirror
 * marks it `data-pm-slice`), tampered with: a link carrying a class, a mention of an entity that
 * exists nowhere, a footnote over the limit, and one honest mention of an entity that does exist.
 */
export function editorCopyFragment(known: { id: number; kind: string; name: string }): string {
  return (
    `<meta charset="utf-8"><p data-pm-slice="1 1 []">Talks in <span class="entity-mention" data-entity-id="${known.id}" data-kind="${known.kind}">${known.name}</span> ` +
    `and <span class="entity-mention" data-entity-id="987654" data-kind="country">Atlantis</span> resumed, says ` +
    `<a class="button-danger" target="_top" href="https://www.un.org/disarmament/">the UN</a>.` +
    `<sup class="footnote-ref" data-note="${OVER_LONG_NOTE}">*</sup></p>`
  );
}

/** A web page's figure whose image lives on that site, not in the media library. */
export const FOREIGN_IMAGE_FRAGMENT =
  '<p>Before the photo.</p><figure><img src="https://images.example.org/port.jpg" alt="Cargo ship leaving port"><figcaption>The first convoy</figcaption></figure><p>After the photo.</p>';

/**
 * Script- and markup-injection attempts, written for this harness from the well-known families and grouped by
 * the context each one tries to break out of. In a template, `{P}` becomes a call `__pwn(<id>)` (the page
 * reports it if it ever runs) and `{N}` the id alone; markup that escaped into the page carries `data-pwn`.
 */
export const PAYLOAD_CONTEXTS = ['html-text', 'attribute', 'url', 'css', 'json-ld', 'svg-mathml', 'template', 'encoded'] as const;

export type PayloadContext = (typeof PAYLOAD_CONTEXTS)[number];

export type HostilePayload = { id: number; context: PayloadContext; template: string; text: string };

const IMG = '<img src=x onerror={P} data-pwn>';

const ELEMENT_HANDLERS = [
  '<img src="x" onerror="{P}" data-pwn/>',
  '<image src=x onerror={P} data-pwn>',
  '<video src=x onerror={P} data-pwn></video>',
  '<audio src=x onerror={P} data-pwn>',
  '<video><source onerror={P} data-pwn></video>',
  '<input type=image src=x onerror={P} data-pwn>',
  '<picture><img src=x onerror={P} data-pwn></picture>',
  '<img srcset=x onerror={P} data-pwn>',
  '<body onload={P} data-pwn>',
  '<body onpageshow={P} data-pwn>',
  '<iframe onload={P} data-pwn></iframe>',
  '<details open ontoggle={P} data-pwn>',
  '<marquee onstart={P} data-pwn>x</marquee>',
  '<style onload={P} data-pwn></style>',
  '<link rel=stylesheet href=x onerror={P} data-pwn>',
  '<object data=x onerror={P} data-pwn></object>',
  '<div onmouseover={P} style="position:fixed;inset:0" data-pwn>x</div>',
  '<div style="animation-name:spin" onanimationstart={P} data-pwn>x</div>',
  '<xss id=x tabindex=1 onfocusin={P} data-pwn></xss>',
  '<img src=x onerror=&#x5f;&#x5f;pwn({N}) data-pwn>',
  '<img src=x onerror="window[\'__p\'+\'wn\']({N})" data-pwn>',
  '<img src=x onerror=eval(atob("{B}")) data-pwn>',
];

const FOCUSABLE = ['input', 'select', 'textarea', 'button', 'a href=#', 'div tabindex=0', 'keygen'];

const SCRIPT_TAGS = [
  '<script>{P}</script>',
  '<ScRiPt data-pwn>{P}</sCrIpT>',
  '<script src="data:,{P}"></script>',
  '<script type=module>{P}</script>',
  '<script>/*</script><script>*/{P}</script>',
  '<scr<script>ipt>{P}</scr</script>ipt>',
  '<script\n>{P}</script\n>',
  '<script/x>{P}</script>',
];

const QUOTE_BREAKS = ['"', "'", '`', '"/', "'/"];
const AFTER_QUOTE = [' onmouseover={P} data-pwn x=', ' autofocus onfocus={P} data-pwn x=', `>${IMG}`, '><svg onload={P} data-pwn>'];

const RAW_TEXT_ELEMENTS = ['title', 'textarea', 'style', 'noscript', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'option', 'select', 'plaintext'];

const MARKUP_TRICKS = [
  `<!--><img src=x onerror={P} data-pwn>-->`,
  `--><img src=x onerror={P} data-pwn>`,
  `<![CDATA[><img src=x onerror={P} data-pwn>]]>`,
  `<?xml-stylesheet href="x"?><img src=x onerror={P} data-pwn>`,
  `<!--<img src="--><img src=x onerror={P} data-pwn>">`,
  `<noscript><p title="</noscript><img src=x onerror={P} data-pwn>">`,
  `<p/data-pwn/onclick={P}>x</p>`,
  `<img/src/onerror={P}/data-pwn>`,
];

const SCRIPT_URLS = [
  'javascript:{P}',
  'JaVaScRiPt:{P}',
  ' javascript:{P}',
  '\tjavascript:{P}',
  'java\tscript:{P}',
  'java\nscript:{P}',
  'java&#x09;script:{P}',
  '&#106;avascript:{P}',
  '&#x6A;avascript:{P}',
  'jav&#97;script:{P}',
  'javascript&colon;{P}',
  '%6Aavascript:{P}',
  'javascript://%0a{P}',
  'javascript:void({P})',
  "javascript:eval('{P}')",
  '\u0001javascript:{P}',
  'javascript\u0000:{P}',
  'https:javascript:{P}',
  'vbscript:msgbox({N})',
  'VBScript:{P}',
  'livescript:{P}',
  'data:text/html,<script>{P}</script>',
  'data:text/html;base64,{H}',
  'data:image/svg+xml,<svg onload={P}>',
  'data:application/javascript,{P}',
  'https://example.org/"><img src=x onerror={P} data-pwn>',
  '/" onmouseover="{P}" data-pwn="',
  "/' autofocus onfocus='{P}' data-pwn='",
  'http://example.org/?q=<script>{P}</script>',
  'mailto:a@example.org?subject="><img src=x onerror={P} data-pwn>',
  '//evil.example/{N}',
  '/\\evil.example/{N}',
];

const URL_SINKS = [
  (url: string) => `<a href="${url}" data-pwn>x</a>`,
  (url: string) => `<iframe src="${url}" data-pwn></iframe>`,
  (url: string) => `<object data="${url}" data-pwn></object>`,
  (url: string) => `<embed src="${url}" data-pwn>`,
  (url: string) => `<form action="${url}" data-pwn><button>go</button></form>`,
  (url: string) => `<form><button formaction="${url}" data-pwn>go</button></form>`,
  (url: string) => `<base href="${url}//" data-pwn>`,
  (url: string) => `<meta http-equiv="refresh" content="0;url=${url}" data-pwn>`,
  (url: string) => `<math href="${url}" data-pwn>x</math>`,
  (url: string) => `<svg><a xlink:href="${url}" data-pwn><text>x</text></a></svg>`,
];
const SINK_URLS = ['javascript:{P}', 'JaVaScRiPt:{P}', '&#106;avascript:{P}', 'data:text/html,<script>{P}</script>'];

const CSS = [
  '<div style="background-image:url(javascript:{P})" data-pwn>x</div>',
  '<div style="width:expression({P})" data-pwn>x</div>',
  '<div style="behavior:url(#default#time2)" onbegin={P} data-pwn>x</div>',
  '<div style="-moz-binding:url(data:text/xml,{N})" data-pwn>x</div>',
  '<style>*{background:url("javascript:{P}")}</style><b data-pwn>x</b>',
  "<style>@import 'javascript:{P}';</style><b data-pwn>x</b>",
  '<style>@keyframes pwn{}</style><div style="animation-name:pwn" onanimationstart={P} data-pwn>x</div>',
  `</style>${IMG}`,
  '}</style><script>{P}</script>',
  'expression({P})',
  'url("javascript:{P}")',
  '\\3c script\\3e {P}\\3c /script\\3e',
  '@import url(data:text/css,*{x:expression({P})})',
  'color:red;background:url(javascript:{P})',
];

const JSON_LD = [
  '</script><script>{P}</script>',
  '</SCRIPT><script>{P}</script>',
  '</script ><script>{P}</script>',
  '</script\n><script>{P}</script>',
  '</script/x><script>{P}</script>',
  '<!--<script>',
  '<!--</script><script>{P}</script>-->',
  '\u2028{P}\u2029',
  '\u2028</script>\u2029<script>{P}</script>',
  '"},"x":"</script><script>{P}</script>',
  '\\"</script><script>{P}</script>',
  '\\u003c/script\\u003e<script>{P}</script>',
  ']]></script><script>{P}</script>',
  '\'"}]}</script><script>{P}</script>',
  '<\\/script><script>{P}</script>',
  '{"@context":"https://schema.org"}</script><script>{P}</script>',
  '","@type":"Person","name":"{N}',
  '\\',
];

const SVG_MATHML = [
  '<svg><script>{P}</script></svg>',
  '<svg><script href="data:,{P}" /></svg>',
  '<svg onload={P} data-pwn>',
  '<svg><foreignObject><img src=x onerror={P} data-pwn></foreignObject></svg>',
  '<svg><style><img src=x onerror={P} data-pwn></style></svg>',
  '<svg><title><img src=x onerror={P} data-pwn></title></svg>',
  '<svg><desc><![CDATA[</desc><script>{P}</script>]]></desc></svg>',
  '<svg><animate onbegin={P} attributeName=x dur=1s data-pwn></svg>',
  '<svg><set onbegin={P} attributename=x to=1 data-pwn></svg>',
  '<svg><image href=x onerror={P} data-pwn /></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror={P} data-pwn>',
  '<math><maction actiontype=statusline xlink:href="javascript:{P}" data-pwn>x</maction></math>',
  '<math><mi xlink:href="javascript:{P}" data-pwn>x</mi></math>',
  '<math><style><img src=x onerror={P} data-pwn></style></math>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror={P} src=x data-pwn>">',
];

const TEMPLATES = [
  "{{constructor.constructor('{P}')()}}",
  '${{P}}',
  '#{{P}}',
  '<%= {P} %>',
  '{{{P}}}',
  '{{{{P}}}}',
  '[[{P}]]',
  '{% {P} %}',
  '@{{P}}',
  '{{7*7}} {N}',
  `<div v-html="'${IMG}'"></div>`,
  "<div ng-app>{{$on.constructor('{P}')()}}</div>",
  "{{_c.constructor('{P}')()}}",
  '\\${{P}}',
];

const ENCODED = [
  '&lt;script&gt;{P}&lt;/script&gt;',
  '&amp;lt;img src=x onerror={P}&amp;gt;',
  '＜script＞{P}＜/script＞',
  '\\u003cscript\\u003e{P}\\u003c/script\\u003e',
  '%3Cscript%3E{P}%3C/script%3E',
  '&#60;script&#62;{P}&#60;/script&#62;',
  '\\x3cscript\\x3e{P}\\x3c/script\\x3e',
  '+ADw-script+AD4-{P}+ADw-/script+AD4-',
  '<scr\u0131pt>{P}</scr\u0131pt>',
  `\u202e${IMG}`,
  '\u0000<script>{P}</script>',
  '\uFEFF<script>{P}</script>',
  `\u00A0${IMG}`,
];

/** At least 150 distinct attempts (distinct before the id is filled in), each with its context. */
export function hostilePayloads(): HostilePayload[] {
  const groups: [PayloadContext, string[]][] = [
    ['html-text', [IMG, ...ELEMENT_HANDLERS, ...FOCUSABLE.map((tag) => `<${tag} autofocus onfocus={P} data-pwn>`), ...SCRIPT_TAGS, ...RAW_TEXT_ELEMENTS.map((tag) => `</${tag}>${IMG}`), ...MARKUP_TRICKS]],
    ['attribute', QUOTE_BREAKS.flatMap((quote) => AFTER_QUOTE.map((after) => `${quote}${after}`))],
    ['url', [...SCRIPT_URLS, ...URL_SINKS.flatMap((sink) => SINK_URLS.map(sink))]],
    ['css', CSS],
    ['json-ld', JSON_LD],
    ['svg-mathml', SVG_MATHML],
    ['template', TEMPLATES],
    ['encoded', ENCODED],
  ];
  const seen = new Set<string>();
  const payloads: HostilePayload[] = [];
  for (const [context, templates] of groups) {
    for (const template of templates) {
      if (seen.has(template)) continue;
      seen.add(template);
      const id = payloads.length + 1;
      payloads.push({ id, context, template, text: fill(template, id) });
    }
  }
  return payloads;
}

function fill(template: string, id: number): string {
  const call = `__pwn(${id})`;
  return template
    .replaceAll('{P}', call)
    .replaceAll('{N}', String(id))
    .replaceAll('{B}', Buffer.from(call).toString('base64'))
    .replaceAll('{H}', Buffer.from(`<script>${call}</script>`).toString('base64'));
}

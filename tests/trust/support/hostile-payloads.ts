/**
 * Script-injection and markup-injection attempts. Each one, if it ever ran, would call `__pwn(<its number>)`;
 * markup that escaped would leave an element carrying `data-pwn`. Written for this harness from the
 * well-known families: tags, event handlers, dangerous URL schemes, SVG/MathML, CSS, breaking out of
 * attributes, JSON and raw-text elements, encodings and unicode look-alikes.
 */
const VECTORS: ((n: number) => string)[] = [
  (n) => `<script>__pwn(${n})</script>`,
  (n) => `<ScRiPt data-pwn>__pwn(${n})</sCrIpT>`,
  (n) => `<img src=x onerror=__pwn(${n}) data-pwn>`,
  (n) => `<img src="x" onerror="__pwn(${n})" data-pwn/>`,
  (n) => `<svg onload=__pwn(${n}) data-pwn>`,
  (n) => `<svg><script>__pwn(${n})</script></svg>`,
  (n) => `<svg><a xlink:href="javascript:__pwn(${n})" data-pwn><text>x</text></a></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__pwn(${n}) data-pwn>`,
  (n) => `<iframe srcdoc="<script>parent.__pwn(${n})</script>" data-pwn></iframe>`,
  (n) => `<iframe src="javascript:parent.__pwn(${n})" data-pwn></iframe>`,
  (n) => `<a href="javascript:__pwn(${n})" data-pwn>click</a>`,
  (n) => `<a href="JaVaScRiPt:__pwn(${n})" data-pwn>click</a>`,
  (n) => `<a href="&#106;avascript:__pwn(${n})" data-pwn>click</a>`,
  (n) => `<a href="data:text/html,<script>__pwn(${n})</script>" data-pwn>click</a>`,
  (n) => `<details open ontoggle=__pwn(${n}) data-pwn>`,
  (n) => `<body onload=__pwn(${n}) data-pwn>`,
  (n) => `<input autofocus onfocus=__pwn(${n}) data-pwn>`,
  (n) => `<video><source onerror=__pwn(${n}) data-pwn></video>`,
  (n) => `<audio src=x onerror=__pwn(${n}) data-pwn>`,
  (n) => `<object data="javascript:__pwn(${n})" data-pwn></object>`,
  (n) => `<embed src="javascript:__pwn(${n})" data-pwn>`,
  (n) => `<form action="javascript:__pwn(${n})" data-pwn><button>go</button></form>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__pwn(${n})" data-pwn>`,
  (n) => `<base href="javascript:__pwn(${n})//" data-pwn>`,
  (n) => `<link rel="stylesheet" href="javascript:__pwn(${n})" data-pwn>`,
  (n) => `<style>*{background:url("javascript:__pwn(${n})")}</style><b data-pwn>`,
  (n) => `<div style="background-image:url(javascript:__pwn(${n}))" data-pwn>x</div>`,
  (n) => `<div style="width:expression(__pwn(${n}))" data-pwn>x</div>`,
  (n) => `"><script>__pwn(${n})</script>`,
  (n) => `'><img src=x onerror=__pwn(${n}) data-pwn>`,
  (n) => `" onmouseover="__pwn(${n})" data-pwn="`,
  (n) => `' autofocus onfocus='__pwn(${n})' data-pwn='`,
  (n) => `</script><script>__pwn(${n})</script>`,
  (n) => `</title><script>__pwn(${n})</script>`,
  (n) => `</textarea><script>__pwn(${n})</script>`,
  (n) => `</style><script>__pwn(${n})</script>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=__pwn(${n}) data-pwn>">`,
  (n) => `<!--<img src="--><img src=x onerror=__pwn(${n}) data-pwn>">`,
  (n) => `<![CDATA[<script>__pwn(${n})</script>]]>`,
  (n) => `\\u003cscript\\u003e__pwn(${n})\\u003c/script\\u003e`,
  (n) => `&lt;script&gt;__pwn(${n})&lt;/script&gt;`,
  (n) => `&amp;lt;img src=x onerror=__pwn(${n})&amp;gt;`,
  (n) => `＜script＞__pwn(${n})＜/script＞`,
  (n) => `<scr\u0131pt>__pwn(${n})</scr\u0131pt>`,
  (n) => `\u202e<img src=x onerror=__pwn(${n}) data-pwn>`,
  (n) => `\u0000<script>__pwn(${n})</script>`,
  (n) => `{{constructor.constructor('__pwn(${n})')()}}`,
  (n) => `\${__pwn(${n})}`,
  (n) => `javascript:__pwn(${n})`,
  (n) => `data:text/html;base64,${Buffer.from(`<script>__pwn(${n})</script>`).toString('base64')}`,
];

const WRAPPERS: ((payload: string) => string)[] = [(payload) => payload, (payload) => `Treaty ${payload} text`, (payload) => `${payload}${payload.toUpperCase()}`];

export type HostilePayload = { id: number; text: string };

/** At least 150 attempts: every vector, plain, inside ordinary words, and doubled with an upper-cased copy. */
export function hostilePayloads(): HostilePayload[] {
  const payloads: HostilePayload[] = [];
  for (const wrap of WRAPPERS) {
    for (const vector of VECTORS) {
      const id = payloads.length + 1;
      payloads.push({ id, text: wrap(vector(id)) });
    }
  }
  return payloads;
}

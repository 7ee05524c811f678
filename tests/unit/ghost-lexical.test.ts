import { describe, expect, it } from 'vitest';
import { renderLexical } from '@/lib/migration/ghost/render-lexical';

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const state = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } });

function render(...children: unknown[]) {
  const warnings: string[] = [];
  const html = renderLexical(state(...children), (message) => warnings.push(message));
  return { html, warnings };
}

describe('renderLexical', () => {
  it('renders paragraphs with every text format and escapes the text', () => {
    const { html, warnings } = render(
      paragraph(text('Plain <b>not bold</b> & '), text('bold', 1), text(' '), text('both', 3), text('gone', 4), text('under', 8)),
      paragraph(text('x', 16), text('2', 32), text('3', 64)),
    );
    expect(html).toBe(
      '<p>Plain &lt;b&gt;not bold&lt;/b&gt; &amp; <strong>bold</strong> <strong><em>both</em></strong><s>gone</s><u>under</u></p>' +
        '<p><code>x</code><sub>2</sub><sup>3</sup></p>',
    );
    expect(warnings).toEqual([]);
  });

  it('renders headings, links, line breaks, quotes, asides and rules', () => {
    const { html } = render(
      { type: 'heading', tag: 'h3', children: [text('A treaty at thirty')] },
      { type: 'extended-heading', tag: 'h2', children: [text('Extended')] },
      paragraph(text('See '), { type: 'link', url: 'https://example.org/?a=1&b="2"', children: [text('the text', 2)] }, { type: 'linebreak' }, text('next line')),
      { type: 'quote', children: [text('Quoted')] },
      { type: 'aside', children: [text('Aside')] },
      { type: 'horizontalrule' },
    );
    expect(html).toBe(
      '<h3>A treaty at thirty</h3><h2>Extended</h2>' +
        '<p>See <a href="https://example.org/?a=1&amp;b=&quot;2&quot;"><em>the text</em></a><br>next line</p>' +
        '<blockquote><p>Quoted</p></blockquote><blockquote><p>Aside</p></blockquote><hr>',
    );
  });

  it('renders bullet and numbered lists, a nested list inside the item before it', () => {
    const { html } = render(
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        children: [
          { type: 'listitem', value: 1, children: [text('One')] },
          { type: 'listitem', value: 2, children: [{ type: 'list', listType: 'number', tag: 'ol', children: [{ type: 'listitem', children: [text('One a')] }] }] },
          { type: 'listitem', value: 2, children: [text('Two')] },
        ],
      },
      { type: 'list', listType: 'number', tag: 'ol', children: [{ type: 'listitem', children: [text('First')] }] },
    );
    expect(html).toBe('<ul><li>One<ol><li>One a</li></ol></li><li>Two</li></ul><ol><li>First</li></ol>');
  });

  it('renders image and gallery cards as figures with alt and caption', () => {
    const { html } = render(
      { type: 'image', src: '__GHOST_URL__/content/images/a.jpg', alt: 'A "border" post', caption: 'Taken <em>at dawn</em>', width: 1200, height: 800 },
      {
        type: 'gallery',
        images: [
          { src: 'https://cdn.example.org/1.jpg', alt: 'One', caption: '', width: 10, height: 10 },
          { src: 'https://cdn.example.org/2.jpg', alt: 'Two', caption: 'Second' },
        ],
        caption: 'The whole set',
      },
    );
    expect(html).toBe(
      '<figure><img src="__GHOST_URL__/content/images/a.jpg" alt="A &quot;border&quot; post" width="1200" height="800"><figcaption>Taken <em>at dawn</em></figcaption></figure>' +
        '<figure><img src="https://cdn.example.org/1.jpg" alt="One" width="10" height="10"></figure>' +
        '<figure><img src="https://cdn.example.org/2.jpg" alt="Two"><figcaption>Second The whole set</figcaption></figure>',
    );
  });

  it('keeps embeds and bookmarks as links, html cards for the cleaner, and names their scripts and iframes', () => {
    const { html, warnings } = render(
      { type: 'embed', url: 'https://video.example.org/watch?v=1', html: '<iframe src="https://video.example.org/embed/1"></iframe>', metadata: { title: 'A talk' } },
      { type: 'bookmark', url: 'https://example.org/report', metadata: { title: 'The report <2024>' } },
      { type: 'html', html: '<div class="box">Kept</div><script>alert(1)</script><iframe src="x"></iframe>' },
    );
    expect(html).toBe(
      '<p><a href="https://video.example.org/watch?v=1">A talk</a></p>' +
        '<p><a href="https://example.org/report">The report &lt;2024&gt;</a></p>' +
        '<div class="box">Kept</div><script>alert(1)</script><iframe src="x"></iframe>',
    );
    expect(warnings).toEqual([
      'Embedded player for https://video.example.org/watch?v=1 kept as a link',
      'HTML card holds <script>, which will be dropped',
      'HTML card holds <iframe>, which will be dropped',
    ]);
  });

  it('renders markdown, callout, toggle and code cards', () => {
    const { html } = render(
      { type: 'markdown', markdown: '## Notes\n\nA [link](https://example.org) and **bold** <x>.\n\n- one\n- two' },
      { type: 'callout', calloutEmoji: '💡', calloutText: '<p>Worth knowing</p>' },
      { type: 'toggle', heading: '<span>Question</span>', content: '<p>Answer</p>' },
      { type: 'codeblock', code: 'if (a < b) {}', language: 'js' },
    );
    expect(html).toBe(
      '<h2>Notes</h2><p>A <a href="https://example.org">link</a> and <strong>bold</strong> &lt;x&gt;.</p><ul><li>one</li><li>two</li></ul>' +
        '<blockquote><p>💡 Worth knowing</p></blockquote>' +
        '<p><strong>Question</strong></p><p>Answer</p>' +
        '<pre><code>if (a &lt; b) {}</code></pre>',
    );
  });

  it('drops an unknown card with a warning naming it, and keeps the rest', () => {
    const { html, warnings } = render(paragraph(text('Before')), { type: 'crossword', clues: 12 }, paragraph(text('After')));
    expect(html).toBe('<p>Before</p><p>After</p>');
    expect(warnings).toEqual(['Unknown Lexical card "crossword" dropped']);
  });

  it('keeps a product card’s picture, name, words, rating and button as the article’s own blocks', () => {
    const product = {
      type: 'product',
      productImageSrc: 'https://old.example/content/images/atlas.jpg',
      productImageWidth: 800,
      productImageHeight: 600,
      productTitle: '<span>Atlas of Arms &amp; Control</span>',
      productDescription: '<p>Every treaty since 1963, <em>mapped</em>.</p>',
      productRatingEnabled: true,
      productStarRating: 4,
      productButtonEnabled: true,
      productButton: 'Order the atlas',
      productUrl: 'https://shop.example/atlas',
    };
    const { html, warnings } = render(product);
    expect(html).toBe(
      '<figure><img src="https://old.example/content/images/atlas.jpg" alt="Atlas of Arms &amp; Control" width="800" height="600"></figure>' +
        '<h3>Atlas of Arms &amp; Control</h3><p>Every treaty since 1963, <em>mapped</em>.</p><p>Rated 4 out of 5</p>' +
        '<p><a href="https://shop.example/atlas">Order the atlas</a></p>',
    );
    expect(warnings).toEqual([]);
    // Without a rating or a button, only what the card shows.
    expect(render({ type: 'product', productTitle: 'Mug', productRatingEnabled: false, productStarRating: 5, productButtonEnabled: false, productUrl: 'https://shop.example/mug' }).html).toBe('<h3>Mug</h3>');
  });

  it('accepts an already parsed state and refuses nothing on an empty one', () => {
    expect(renderLexical({ root: { children: [] } }, () => {})).toBe('');
    expect(renderLexical('', () => {})).toBe('');
  });

  it('reports a body that is not Lexical JSON', () => {
    const warnings: string[] = [];
    expect(renderLexical('{not json', (message) => warnings.push(message))).toBe('');
    expect(warnings).toEqual(['The Lexical body is not valid JSON and was left empty']);
  });
});

import { describe, expect, it } from 'vitest';
import { wordpressBodyToHtml, type BodyContext, type WxrAttachment } from '@/lib/migration/wordpress/body-to-html';

const attachments = new Map<string, WxrAttachment>([
  ['11', { id: '11', url: 'https://old.example.org/wp-content/uploads/silo.jpg', alt: 'A missile silo at dusk', caption: 'A decommissioned silo', title: 'Silo', parentId: '' }],
  ['12', { id: '12', url: 'https://old.example.org/wp-content/uploads/table.jpg', alt: 'The negotiating table', caption: '', title: '', parentId: '' }],
]);

function convert(content: string, footnotes = '') {
  const warnings: string[] = [];
  const ctx: BodyContext = { attachments, postId: '30', footnotes, warn: (message) => warnings.push(message) };
  return { html: wordpressBodyToHtml(content, ctx), warnings };
}

describe('WordPress blocks', () => {
  it('keeps paragraphs, headings and lists as their HTML', () => {
    const { html, warnings } = convert(
      '<!-- wp:paragraph -->\n<p>Stockpiles fell.</p>\n<!-- /wp:paragraph -->\n\n' +
        '<!-- wp:heading -->\n<h2 class="wp-block-heading">Verification</h2>\n<!-- /wp:heading -->\n\n' +
        '<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>On-site visits</li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>Data exchange</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    );
    expect(html).toBe('<p>Stockpiles fell.</p>\n<h2>Verification</h2>\n<ul><li>On-site visits</li><li>Data exchange</li></ul>');
    expect(warnings).toEqual([]);
  });

  it('turns a quote into a blockquote and a pull quote into the pull-quote aside', () => {
    const { html } = convert(
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Trust, but verify.</p>\n<!-- /wp:paragraph --><cite>A negotiator</cite></blockquote>\n<!-- /wp:quote -->\n\n' +
        '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Numbers matter less than <em>transparency</em>.</p><cite>The editors</cite></blockquote></figure>\n<!-- /wp:pullquote -->',
    );
    expect(html).toBe(
      '<blockquote><p>Trust, but verify.</p><p>A negotiator</p></blockquote>\n' +
        '<aside class="pull-quote"><p>Numbers matter less than <em>transparency</em>.</p><footer>— The editors</footer></aside>',
    );
  });

  it('turns images and galleries into figures with captions, alt filled from the attachment', () => {
    const { html } = convert(
      '<!-- wp:image {"id":11,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="" class="wp-image-11"/><figcaption class="wp-element-caption">The silo, <strong>now empty</strong></figcaption></figure>\n<!-- /wp:image -->\n\n' +
        '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":12} -->\n<figure class="wp-block-image"><img src="https://old.example.org/wp-content/uploads/table.jpg" alt="The negotiating table" class="wp-image-12"/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->\n\n' +
        '<!-- wp:gallery {"ids":[11]} -->\n<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="" data-id="11"/></figure></li></ul></figure>\n<!-- /wp:gallery -->',
    );
    expect(html).toBe(
      '<figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="A missile silo at dusk"><figcaption>The silo, <strong>now empty</strong></figcaption></figure>\n' +
        '<figure><img src="https://old.example.org/wp-content/uploads/table.jpg" alt="The negotiating table"></figure>\n' +
        '<figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="A missile silo at dusk"><figcaption>A decommissioned silo</figcaption></figure>',
    );
  });

  it('turns tables, separators and embeds into plain HTML', () => {
    const { html } = convert(
      '<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td>New START</td><td>1,550</td></tr></tbody></table><figcaption class="wp-element-caption">Deployed warhead limits</figcaption></figure>\n<!-- /wp:table -->\n\n' +
        '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->\n\n' +
        '<!-- wp:embed {"url":"https://video.example.net/watch/42","type":"video"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://video.example.net/watch/42\n</div></figure>\n<!-- /wp:embed -->',
    );
    expect(html).toBe(
      '<p>Deployed warhead limits</p><table><tbody><tr><td>New START</td><td>1,550</td></tr></tbody></table>\n<hr>\n' +
        '<p><a href="https://video.example.net/watch/42">https://video.example.net/watch/42</a></p>',
    );
  });

  it('turns footnote anchors into the editor’s footnote markers and drops the footnotes block', () => {
    const footnotes = JSON.stringify([{ id: 'fn-a', content: 'Signed in <em>Prague</em>, 2010 &amp; ratified later.' }]);
    const { html, warnings } = convert(
      '<!-- wp:paragraph -->\n<p>The treaty<sup data-fn="fn-a" class="fn"><a href="#fn-a" id="fn-a-link">1</a></sup> expired.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->',
      footnotes,
    );
    expect(html).toBe('<p>The treaty<sup class="footnote-ref" data-note="Signed in Prague, 2010 &amp; ratified later.">*</sup> expired.</p>');
    expect(warnings).toEqual([]);
  });

  it('keeps custom HTML, naming the script it holds, and warns about unknown blocks but keeps their HTML', () => {
    const { html, warnings } = convert(
      '<!-- wp:html -->\n<div class="chart">Chart</div><script>track()</script>\n<!-- /wp:html -->\n\n' +
        '<!-- wp:acme/countdown {"to":"2030"} -->\n<div class="wp-block-acme-countdown"><p>Days until review</p></div>\n<!-- /wp:acme/countdown -->',
    );
    expect(html).toContain('<div class="chart">Chart</div>');
    expect(html).toContain('<p>Days until review</p>');
    expect(warnings).toEqual(['Unknown block acme/countdown', 'A <script> was dropped']);
  });

  it('runs classic (freeform) content between blocks through autop and shortcodes', () => {
    const { html } = convert('Old intro\nsecond line\n\n<!-- wp:paragraph -->\n<p>New</p>\n<!-- /wp:paragraph -->');
    expect(html).toBe('<p>Old intro<br />\nsecond line</p>\n<p>New</p>');
  });

  it('converts the shortcode block like classic text', () => {
    expect(convert('<!-- wp:shortcode -->\n[gallery ids="12"]\n<!-- /wp:shortcode -->').html).toBe(
      '<figure><img src="https://old.example.org/wp-content/uploads/table.jpg" alt="The negotiating table"></figure>',
    );
  });

  it('names iframes, objects and forms in any body', () => {
    const { warnings } = convert('Text\n\n<iframe src="https://maps.example.net/x"></iframe>\n<form action="/x"><input></form><object data="x.swf"></object>');
    expect(warnings).toEqual(['An <iframe> (https://maps.example.net/x) was dropped', 'An <object> was dropped', 'A <form> was dropped']);
  });
});

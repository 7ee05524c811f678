import { describe, expect, it } from 'vitest';
import { tidyGhostHtml } from '@/lib/migration/ghost/tidy-ghost-html';

function tidy(html: string) {
  const warnings: string[] = [];
  return { html: tidyGhostHtml(html, (message) => warnings.push(message)), warnings };
}

describe('tidyGhostHtml, Ghost’s rendered cards in a post’s html', () => {
  it('turns a bookmark card into a link to what it previewed', () => {
    const { html, warnings } = tidy(
      '<p>Before</p><figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://example.org/report?a=1&amp;b=2">' +
        '<div class="kg-bookmark-content"><div class="kg-bookmark-title">The report &amp; its annex</div><div class="kg-bookmark-description">Long text</div>' +
        '<div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://example.org/icon.png" alt=""><span class="kg-bookmark-author">Example</span></div></div>' +
        '<div class="kg-bookmark-thumbnail"><img src="https://example.org/thumb.png" alt=""></div></a></figure><p>After</p>',
    );
    expect(html).toBe('<p>Before</p><p><a href="https://example.org/report?a=1&amp;b=2">The report &amp; its annex</a></p><p>After</p>');
    expect(warnings).toEqual([]);
  });

  it('turns a gallery card into one figure per image, the gallery caption on the last', () => {
    const { html } = tidy(
      '<figure class="kg-card kg-gallery-card kg-width-wide"><div class="kg-gallery-container"><div class="kg-gallery-row">' +
        '<div class="kg-gallery-image"><img src="/content/images/g1.jpg" width="1200" height="800" loading="lazy" alt="First &quot;one&quot;" srcset="x 600w"></div>' +
        '<div class="kg-gallery-image"><img src="/content/images/g2.jpg" width="600" height="400" loading="lazy" alt=""></div>' +
        '</div></div><figcaption><span>Two views</span></figcaption></figure>',
    );
    expect(html).toBe(
      '<figure><img src="/content/images/g1.jpg" alt="First &quot;one&quot;" width="1200" height="800"></figure>' +
        '<figure><img src="/content/images/g2.jpg" alt="" width="600" height="400"><figcaption><span>Two views</span></figcaption></figure>',
    );
  });

  it('turns an embedded player into a link, saying so, and leaves other markup alone', () => {
    const { html, warnings } = tidy(
      '<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://video.example.org/embed/7?feature=oembed" title="A hearing"></iframe><figcaption>Day one</figcaption></figure>' +
        '<figure class="kg-card kg-image-card"><img src="/content/images/a.jpg" alt="A"></figure>',
    );
    expect(html).toBe(
      '<p><a href="https://video.example.org/embed/7?feature=oembed">A hearing</a></p><p>Day one</p>' +
        '<figure class="kg-card kg-image-card"><img src="/content/images/a.jpg" alt="A"></figure>',
    );
    expect(warnings).toEqual(['Embedded player for https://video.example.org/embed/7?feature=oembed kept as a link']);
  });
});

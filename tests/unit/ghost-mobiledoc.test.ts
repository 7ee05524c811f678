import { describe, expect, it } from 'vitest';
import { renderMobiledoc } from '@/lib/migration/ghost/render-mobiledoc';

function render(doc: Record<string, unknown>) {
  const warnings: string[] = [];
  const html = renderMobiledoc(JSON.stringify({ version: '0.3.1', atoms: [], cards: [], markups: [], sections: [], ...doc }), (message) => warnings.push(message));
  return { html, warnings };
}

describe('renderMobiledoc', () => {
  it('renders markup sections with opened and closed markups, escaping the text', () => {
    const { html, warnings } = render({
      markups: [['strong'], ['em'], ['a', ['href', 'https://example.org/?a=1&b=2', 'rel', 'noopener']]],
      sections: [
        [1, 'p', [
          [0, [], 0, 'Plain <i>x</i> & '],
          [0, [0], 0, 'bold '],
          [0, [1], 2, 'bold italic'],
          [0, [], 0, ' then '],
          [0, [2], 1, 'a link'],
        ]],
        [1, 'h2', [[0, [], 0, 'A heading']]],
        [1, 'blockquote', [[0, [], 0, 'Quoted']]],
        [1, 'aside', [[0, [], 0, 'Aside']]],
      ],
    });
    expect(html).toBe(
      '<p>Plain &lt;i&gt;x&lt;/i&gt; &amp; <strong>bold <em>bold italic</em></strong> then <a href="https://example.org/?a=1&amp;b=2">a link</a></p>' +
        '<h2>A heading</h2><blockquote><p>Quoted</p></blockquote><blockquote><p>Aside</p></blockquote>',
    );
    expect(warnings).toEqual([]);
  });

  it('turns a soft-return atom into a line break, and an unknown markup into its text', () => {
    const { html } = render({
      atoms: [['soft-return', '', {}]],
      markups: [['marquee']],
      sections: [[1, 'p', [[0, [], 0, 'One'], [1, [], 0, 0], [0, [0], 1, 'Two']]]],
    });
    expect(html).toBe('<p>One<br>Two</p>');
  });

  it('renders list sections and image sections', () => {
    const { html } = render({
      markups: [['code']],
      sections: [
        [3, 'ul', [[[0, [], 0, 'First']], [[0, [0], 1, 'second']]]],
        [3, 'ol', [[[0, [], 0, 'Only']]]],
        [2, 'https://cdn.example.org/section.jpg'],
      ],
    });
    expect(html).toBe(
      '<ul><li>First</li><li><code>second</code></li></ul><ol><li>Only</li></ol>' +
        '<figure><img src="https://cdn.example.org/section.jpg" alt=""></figure>',
    );
  });

  it('renders Ghost cards: image, html, markdown, hr, embed, bookmark, gallery, code', () => {
    const { html, warnings } = render({
      cards: [
        ['image', { src: '__GHOST_URL__/content/images/b.jpg', alt: 'A map', caption: 'Where <b>it</b> happened', width: 800, height: 600 }],
        ['html', { html: '<table><tr><td>Kept</td></tr></table><script>x()</script>' }],
        ['markdown', { markdown: 'Some *emphasis* here.' }],
        ['hr', {}],
        ['embed', { url: 'https://video.example.org/2', html: '<iframe></iframe>', metadata: { title: 'Hearing' } }],
        ['bookmark', { url: 'https://example.org/b', metadata: { title: 'A bookmark' } }],
        ['gallery', { images: [{ src: 'https://cdn.example.org/g1.jpg', alt: 'G1' }], caption: 'Gallery' }],
        ['code', { code: 'a < b' }],
      ],
      sections: [[10, 0], [10, 1], [10, 2], [10, 3], [10, 4], [10, 5], [10, 6], [10, 7]],
    });
    expect(html).toBe(
      '<figure><img src="__GHOST_URL__/content/images/b.jpg" alt="A map" width="800" height="600"><figcaption>Where <b>it</b> happened</figcaption></figure>' +
        '<table><tr><td>Kept</td></tr></table><script>x()</script>' +
        '<p>Some <em>emphasis</em> here.</p><hr>' +
        '<p><a href="https://video.example.org/2">Hearing</a></p>' +
        '<p><a href="https://example.org/b">A bookmark</a></p>' +
        '<figure><img src="https://cdn.example.org/g1.jpg" alt="G1"><figcaption>Gallery</figcaption></figure>' +
        '<pre><code>a &lt; b</code></pre>',
    );
    expect(warnings).toEqual(['HTML card holds <script>, which will be dropped', 'Embedded player for https://video.example.org/2 kept as a link']);
  });

  it('drops an unknown card with a warning naming it', () => {
    const { html, warnings } = render({
      cards: [['crossword', { clues: 12 }]],
      sections: [[1, 'p', [[0, [], 0, 'Before']]], [10, 0], [1, 'p', [[0, [], 0, 'After']]]],
    });
    expect(html).toBe('<p>Before</p><p>After</p>');
    expect(warnings).toEqual(['Unknown Mobiledoc card "crossword" dropped']);
  });

  it('reports a body that is not Mobiledoc JSON', () => {
    const warnings: string[] = [];
    expect(renderMobiledoc('{oops', (message) => warnings.push(message))).toBe('');
    expect(warnings).toEqual(['The Mobiledoc body is not valid JSON and was left empty']);
  });
});

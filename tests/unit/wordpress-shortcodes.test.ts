import { describe, expect, it } from 'vitest';
import { classicToHtml, type BodyContext, type WxrAttachment } from '@/lib/migration/wordpress/body-to-html';
import { convertShortcodes } from '@/lib/migration/wordpress/shortcodes';

const attachments = new Map<string, WxrAttachment>([
  ['11', { id: '11', url: 'https://old.example.org/wp-content/uploads/silo.jpg', alt: 'A missile silo at dusk', caption: 'A decommissioned silo', title: 'Silo', parentId: '20' }],
  ['12', { id: '12', url: 'https://old.example.org/wp-content/uploads/table.jpg', alt: '', caption: '', title: 'Negotiating table', parentId: '20' }],
]);

function context(): BodyContext & { warnings: string[] } {
  const warnings: string[] = [];
  return { attachments, postId: '20', footnotes: '', warn: (message) => warnings.push(message), warnings };
}

describe('WordPress shortcodes', () => {
  it('turns [caption] around an image into a figure with its caption', () => {
    const ctx = context();
    const html = convertShortcodes(
      '[caption id="attachment_11" align="alignnone" width="300"]<a href="https://old.example.org/silo"><img class="size-medium" src="https://old.example.org/wp-content/uploads/silo.jpg" alt="A missile silo at dusk" width="300" height="200" /></a> A silo, <em>empty</em> since 2005[/caption]',
      ctx,
    );
    expect(html).toBe(
      '<figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="A missile silo at dusk" width="300" height="200"><figcaption>A silo, <em>empty</em> since 2005</figcaption></figure>',
    );
    expect(ctx.warnings).toEqual([]);
  });

  it('fills a caption image’s missing alt text from the attachment', () => {
    const html = convertShortcodes('[caption id="attachment_11"]<img src="https://old.example.org/wp-content/uploads/silo.jpg" /> Dusk[/caption]', context());
    expect(html).toContain('alt="A missile silo at dusk"');
  });

  it('turns [gallery ids] into one figure per attachment, in order', () => {
    const ctx = context();
    expect(convertShortcodes('[gallery ids="12,11" columns="2"]', ctx)).toBe(
      '<figure><img src="https://old.example.org/wp-content/uploads/table.jpg" alt=""></figure>' +
        '<figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="A missile silo at dusk"><figcaption>A decommissioned silo</figcaption></figure>',
    );
  });

  it('uses the post’s own attachments for a [gallery] without ids, and names ids that are missing', () => {
    const ctx = context();
    expect(convertShortcodes('[gallery]', ctx)).toContain('silo.jpg');
    convertShortcodes('[gallery ids="11,99"]', ctx);
    expect(ctx.warnings).toEqual(['Gallery image 99 is not in the export']);
  });

  it('turns [embed] into a paragraph with a link', () => {
    expect(convertShortcodes('[embed width="500"]https://video.example.net/watch/42[/embed]', context())).toBe(
      '<p><a href="https://video.example.net/watch/42">https://video.example.net/watch/42</a></p>',
    );
  });

  it('removes unknown shortcodes, keeps the text they enclose, and names each', () => {
    const ctx = context();
    const html = convertShortcodes('Write to us: [contact-form-7 id="5" title="Contact"] and [highlight color="red"]this part[/highlight].', ctx);
    expect(html).toBe('Write to us:  and this part.');
    expect(ctx.warnings).toEqual(['Unknown shortcode [contact-form-7] removed', 'Unknown shortcode [highlight] removed']);
  });

  it('leaves bracketed prose and escaped shortcodes alone', () => {
    const ctx = context();
    expect(convertShortcodes('He said [sic] and wrote [[gallery]] on 3 [1].', ctx)).toBe('He said [sic] and wrote [gallery] on 3 [1].');
    expect(ctx.warnings).toEqual([]);
  });

  it('classic bodies: a bare URL alone on its line becomes a link paragraph, in autop output', () => {
    const ctx = context();
    const html = classicToHtml('Watch the briefing:\n\nhttps://video.example.net/watch/42\n\nThen read on.', ctx);
    expect(html).toBe(
      '<p>Watch the briefing:</p>\n<p><a href="https://video.example.net/watch/42">https://video.example.net/watch/42</a></p>\n<p>Then read on.</p>',
    );
  });

  it('classic bodies: the read-more and page-break markers leave no trace', () => {
    expect(classicToHtml('Opening lines.\n<!--more-->\nThe rest.\n\n<!--nextpage-->\n\nPage two.', context())).toBe(
      '<p>Opening lines.</p>\n<p>The rest.</p>\n<p>Page two.</p>',
    );
  });

  it('classic bodies: a caption figure is not wrapped in a paragraph', () => {
    const html = classicToHtml('Above\n[caption id="attachment_11"]<img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="x" /> Dusk[/caption]\nBelow', context());
    expect(html).toBe(
      '<p>Above</p>\n<figure><img src="https://old.example.org/wp-content/uploads/silo.jpg" alt="x"><figcaption>Dusk</figcaption></figure>\n<p>Below</p>',
    );
  });
});

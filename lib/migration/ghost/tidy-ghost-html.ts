import { decodeEntities, embedHtml, figureHtml, htmlToPlainText, linkParagraph, type Warn } from './ghost-cards';

const card = (name: string) => new RegExp(`<figure[^>]*\\bkg-${name}-card\\b[^>]*>([\\s\\S]*?)</figure>`, 'gi');
const attribute = (tag: string, name: string) => decodeEntities(new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? '');
const number = (tag: string, name: string) => Number(attribute(tag, name)) || undefined;
const captionOf = (inner: string) => /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1]?.trim() ?? '';

/**
 * Ghost's html holds its cards as its themes draw them: a bookmark is a preview box, a gallery rows
 * of images, an embed a player. They become what the content schema has: a link, figures, a link.
 */
export function tidyGhostHtml(html: string, warn: Warn): string {
  return html
    .replace(card('bookmark'), (whole, inner: string) => {
      const href = attribute(/<a[^>]*kg-bookmark-container[^>]*>/i.exec(inner)?.[0] ?? '', 'href');
      const title = htmlToPlainText(/<div[^>]*kg-bookmark-title[^>]*>([\s\S]*?)<\/div>/i.exec(inner)?.[1]);
      return href ? linkParagraph(href, title) : whole;
    })
    .replace(card('gallery'), (_whole, inner: string) => {
      const images = inner.match(/<img\b[^>]*>/gi) ?? [];
      const caption = captionOf(inner);
      return images
        .map((tag, index) =>
          figureHtml({ src: attribute(tag, 'src'), alt: attribute(tag, 'alt'), width: number(tag, 'width'), height: number(tag, 'height') }, index === images.length - 1 ? caption : ''),
        )
        .join('');
    })
    .replace(card('embed'), (whole, inner: string) => {
      const frame = /<iframe\b[^>]*>/i.exec(inner)?.[0];
      if (!frame) return whole;
      const caption = captionOf(inner);
      return `${embedHtml(attribute(frame, 'src'), attribute(frame, 'title'), warn)}${caption ? `<p>${caption}</p>` : ''}`;
    });
}

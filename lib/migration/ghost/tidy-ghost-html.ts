import { decodeEntities, embedHtml, figureHtml, fileHtml, htmlToPlainText, linkParagraph, type Warn } from './ghost-cards';

const card = (name: string) => new RegExp(`<figure[^>]*\\bkg-${name}-card\\b[^>]*>([\\s\\S]*?)</figure>`, 'gi');
const attribute = (tag: string, name: string) => decodeEntities(new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? '');
const number = (tag: string, name: string) => Number(attribute(tag, name)) || undefined;
const FILE_CARD = /<div[^>]*\bkg-file-card(?=[\s"])[^>]*>\s*<a\b([^>]*)>([\s\S]*?)<\/a>\s*<\/div>/gi;
const partOf = (inner: string, name: string) => new RegExp(`<div[^>]*\\bkg-file-card-${name}\\b[^>]*>([\\s\\S]*?)</div>`, 'i').exec(inner)?.[1] ?? '';
/** Ghost's players: the media element, its cover picture, and the times and speed its controls show as text. */
const PLAYER_MEDIA = /<(audio|video)\b([^>]*)>[\s\S]*?<\/\1>/gi;
const PLAYER_CHROME = /<img\b[^>]*\bkg-audio-thumbnail\b[^>]*>|<span\b[^>]*\bkg-(?:audio|video)-current-time\b[^>]*>[\s\S]*?<\/span>|<div\b[^>]*\bkg-(?:audio|video)-time\b[^>]*>[\s\S]*?<\/div>/gi;
const captionOf = (inner: string) => /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1]?.trim() ?? '';

/**
 * Ghost's html holds its cards as its themes draw them: a bookmark is a preview box, a gallery rows
 * of images, an embed a player, a file a download box. They become what the content schema has: a
 * link, figures, a link, a link and its caption. Audio and video players have no place here: their
 * title and caption stay, and each file is named in the report.
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
    })
    // A download box whose one link wraps the title, caption, file name, size and an icon: the title and caption are what readers need.
    .replace(FILE_CARD, (_whole, link: string, inner: string) =>
      fileHtml({ src: attribute(link, 'href'), title: partOf(inner, 'title'), caption: partOf(inner, 'caption'), fileName: htmlToPlainText(partOf(inner, 'filename')) }, warn),
    )
    .replace(PLAYER_CHROME, '')
    .replace(PLAYER_MEDIA, (_whole, kind: string, attributes: string) => {
      const src = attribute(attributes, 'src');
      warn(`The ${kind.toLowerCase()} ${src || 'without an address'} was left out, as articles here hold no players; put it on an audio or video host and link to it`);
      return '';
    });
}

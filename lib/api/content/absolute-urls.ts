/** Site-relative addresses in rendered HTML made absolute, since Content API readers live on other sites. */
export function withAbsoluteUrls(html: string, siteUrl: string): string {
  return html
    .replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${siteUrl}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_whole, start: string, list: string) => `${start}${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${siteUrl}/`)}"`);
}

export function absoluteUrl(path: string, siteUrl: string): string {
  return path.startsWith('/') && !path.startsWith('//') ? `${siteUrl}${path}` : path;
}

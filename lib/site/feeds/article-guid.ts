import 'server-only';

/** A tag URI per article (RFC 4151): slugs can change, a guid must not, or subscribers would see the article again as new. */
export function articleGuid({ siteUrl, articleId }: { siteUrl: string; articleId: number }): string {
  return `tag:${new URL(siteUrl).hostname},2018:article:${articleId}`;
}

import { NextResponse, type NextRequest } from 'next/server';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { withdrawnArticleHtml } from '@/lib/articles/withdrawn-article-html';

/**
 * Answers 410 Gone for a withdrawn article, which an App Router page cannot do (ADR 005). Every
 * other article request goes on to the page unchanged: published ones render or redirect there,
 * unknown ones are 404 there.
 */
export function proxy(request: NextRequest) {
  const slug = slugOf(request.nextUrl.pathname);
  if (slug === null) return NextResponse.next();
  let isGone = false;
  try {
    isGone = articleSlugStatus(slug) === 'gone';
  } catch (error) {
    // The page makes its own read and shows its own error; never fail a reader here.
    console.error('Checking for a withdrawn article failed:', error);
  }
  if (!isGone) return NextResponse.next();
  return new Response(request.method === 'HEAD' ? null : withdrawnArticleHtml(), {
    status: 410,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}

// Only the article address itself; its feeds, images and everything else never reach the proxy.
export const config = { matcher: '/articles/:slug' };

function slugOf(pathname: string): string | null {
  const segment = pathname.split('/')[2];
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

import { ImageResponse } from 'next/og';
import { connection } from 'next/server';
import { getArticlePage } from '@/lib/site/get-article-page';

/** OpenGraph's recommended card size. */
export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 };

/**
 * The card social sites show for an article (`/articles/<slug>/social.png`, named in its metadata
 * and JSON-LD): its section, title, dek and byline on the magazine's colours.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const page = await getArticlePage((await params).slug);
  if (!page) return new Response('Not found', { status: 404 });
  const { article } = page;
  const byline = article.authors.map((author) => author.name).join(', ');
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#fcfcfa', color: '#1b1d21', borderTop: '24px solid #8a1c1c' }}>
        <div style={{ display: 'flex', fontSize: 30, letterSpacing: 4, textTransform: 'uppercase', color: '#8a1c1c' }}>{article.section?.name ?? 'Masthead'}</div>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: article.title.length > 80 ? 52 : 64, fontWeight: 700, lineHeight: 1.15 }}>{article.title}</div>
          {article.dek ? <div style={{ fontSize: 30, color: '#5b6170', marginTop: 24, lineHeight: 1.3 }}>{article.dek.slice(0, 180)}</div> : null}
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 28, color: '#5b6170' }}>
          <span>{byline}</span>
          <span style={{ fontWeight: 700, color: '#1b1d21' }}>Masthead{article.issue ? ` · ${article.issue.title}` : ''}</span>
        </div>
      </div>
    ),
    { ...SOCIAL_IMAGE_SIZE, headers: { 'Cache-Control': 'public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400' } },
  );
}

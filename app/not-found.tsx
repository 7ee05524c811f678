import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/site/not-found-message';
import { SiteHeader } from '@/components/site/site-header';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** For addresses no route matches: outside the site's layout, so it brings its header along. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        <NotFoundMessage />
      </main>
    </>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from './site-header';

/** What every reader page shares: the skip link, the masthead and main navigation, the main landmark and the footer. */
export function SiteFrame({ children, isHome = false }: { children: ReactNode; isHome?: boolean }) {
  return (
    <>
      {/* React places these in the head: feed readers find the site's feeds from any page. */}
      <link rel="alternate" type="application/rss+xml" title="Masthead (RSS)" href="/feed.xml" />
      <link rel="alternate" type="application/atom+xml" title="Masthead (Atom)" href="/atom.xml" />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader isHome={isHome} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Masthead — reporting on arms control since 2018. <Link href="/corrections">Corrections</Link> ·{' '}
          <Link href="/subscribe">Subscribe</Link> · <Link href="/feed.xml">RSS</Link>
        </p>
      </footer>
    </>
  );
}

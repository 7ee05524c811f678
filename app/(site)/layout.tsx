import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site/site-header';

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* React places these in the head: feed readers find the site's feeds from any page. */}
      <link rel="alternate" type="application/rss+xml" title="Masthead (RSS)" href="/feed.xml" />
      <link rel="alternate" type="application/atom+xml" title="Masthead (Atom)" href="/atom.xml" />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
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

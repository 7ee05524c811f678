import type { ReactNode } from 'react';
import type { SiteNavigation } from '@/lib/site/navigation/default-navigation';
import { DEFAULT_NAVIGATION } from '@/lib/site/navigation/default-navigation';
import { NavigationLinks } from './navigation-links';
import { SiteHeader } from './site-header';

/** What every reader page shares: the skip link, the masthead and main navigation, the main landmark and the footer. */
export function SiteFrame({ children, isHome = false, navigation = DEFAULT_NAVIGATION }: { children: ReactNode; isHome?: boolean; navigation?: SiteNavigation }) {
  return (
    <>
      {/* React places these in the head: feed readers find the site's feeds from any page. */}
      <link rel="alternate" type="application/rss+xml" title="Masthead (RSS)" href="/feed.xml" />
      <link rel="alternate" type="application/atom+xml" title="Masthead (Atom)" href="/atom.xml" />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader isHome={isHome} links={navigation.header} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Masthead — reporting on arms control since 2018. <NavigationLinks links={navigation.footer} separator=" · " />
        </p>
      </footer>
    </>
  );
}

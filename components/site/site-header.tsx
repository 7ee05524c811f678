import Link from 'next/link';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** The masthead and main navigation. On the home page the title is not a link to the page itself, so the first story is a few key presses closer. */
export function SiteHeader({ isHome = false }: { isHome?: boolean }) {
  const siteName = getSiteName();
  return (
    <header className="site-header">
      {isHome ? (
        <span className="masthead-title">{siteName}</span>
      ) : (
        <Link href="/" className="masthead-title">
          {siteName}
        </Link>
      )}
      <nav aria-label="Main">
        <Link href="/issues">Issues</Link>
        <Link href="/search">Search</Link>
        <Link href="/subscribe">Subscribe</Link>
      </nav>
    </header>
  );
}

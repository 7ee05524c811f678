import Link from 'next/link';

/** The masthead and main navigation. On the home page the title is not a link to the page itself, so the first story is a few key presses closer. */
export function SiteHeader({ isHome = false }: { isHome?: boolean }) {
  return (
    <header className="site-header">
      {isHome ? (
        <span className="masthead-title">Masthead</span>
      ) : (
        <Link href="/" className="masthead-title">
          Masthead
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

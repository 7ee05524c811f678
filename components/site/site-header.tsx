import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="masthead-title">
        Masthead
      </Link>
      <nav aria-label="Main">
        <Link href="/issues">Issues</Link>
        <Link href="/search">Search</Link>
        <Link href="/subscribe">Subscribe</Link>
      </nav>
    </header>
  );
}

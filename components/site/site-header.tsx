import { getSiteName } from '@/lib/platform/settings/site-settings';
import { DEFAULT_NAVIGATION, type SiteLink } from '@/lib/site/navigation/default-navigation';
import { NavigationLinks } from './navigation-links';

/** The masthead and main navigation. On the home page the title is not a link to the page itself, so the first story is a few key presses closer. */
export function SiteHeader({ isHome = false, links = DEFAULT_NAVIGATION.header }: { isHome?: boolean; links?: readonly SiteLink[] }) {
  const siteName = getSiteName();
  return (
    <header className="site-header">
      {isHome ? (
        <span className="masthead-title">{siteName}</span>
      ) : (
        <a href="/" className="masthead-title">
          {siteName}
        </a>
      )}
      <nav aria-label="Main">
        <NavigationLinks links={links} />
      </nav>
    </header>
  );
}

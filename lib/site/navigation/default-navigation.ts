import type { NavigationMenu } from '@/db/schema';

export type SiteLink = { label: string; href: string };
export type SiteNavigation = Record<NavigationMenu, SiteLink[]>;

/** The links every site has until an editor sets a menu of its own. */
export const DEFAULT_NAVIGATION: SiteNavigation = {
  header: [
    { label: 'Issues', href: '/issues' },
    { label: 'Search', href: '/search' },
    { label: 'Subscribe', href: '/subscribe' },
  ],
  footer: [
    { label: 'Corrections', href: '/corrections' },
    { label: 'Subscribe', href: '/subscribe' },
    { label: 'RSS', href: '/feed.xml' },
  ],
};

import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { navigationItems, NAVIGATION_MENUS, type NavigationMenu } from '@/db/schema';
import { DEFAULT_NAVIGATION, type SiteLink, type SiteNavigation } from './default-navigation';

export type NavigationEntry = SiteLink & { id: number; position: number };

/** The items an editor set for one menu, in order; empty when the menu still uses the built-in links. */
export function listNavigation(menu: NavigationMenu): NavigationEntry[] {
  return getDb()
    .select({ id: navigationItems.id, label: navigationItems.label, href: navigationItems.href, position: navigationItems.position })
    .from(navigationItems)
    .where(eq(navigationItems.menu, menu))
    .orderBy(asc(navigationItems.position), asc(navigationItems.id))
    .all();
}

/** Both menus as readers see them: an editor's items, or the built-in links for a menu with none. */
export function readSiteNavigation(): SiteNavigation {
  const menus = NAVIGATION_MENUS.map((menu) => {
    const items = listNavigation(menu).map(({ label, href }) => ({ label, href }));
    return [menu, items.length > 0 ? items : DEFAULT_NAVIGATION[menu]] as const;
  });
  return Object.fromEntries(menus) as SiteNavigation;
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { navigationItems, type NavigationMenu } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { SiteLink } from './default-navigation';
import { isNavigationHref } from './navigation-href';

export const MAX_NAVIGATION_ITEMS = 30;
export const MAX_NAVIGATION_LABEL_LENGTH = 60;

export type NavigationSaveResult = { ok: true; count: number } | { ok: false; error: string };

/** Replaces one menu with these links, in this order; a bad link refuses the whole save and the menu stays as it was. */
export function saveNavigation({ actor, menu, items }: { actor: StaffIdentity; menu: NavigationMenu; items: readonly SiteLink[] }): NavigationSaveResult {
  assertCan({ role: actor.role, action: 'navigation.manage' });
  if (items.length > MAX_NAVIGATION_ITEMS) return { ok: false, error: `Keep the menu to ${MAX_NAVIGATION_ITEMS} links or fewer.` };
  const cleaned = items.map((item) => ({ label: item.label.trim(), href: item.href.trim() }));
  for (const [index, item] of cleaned.entries()) {
    const problem = linkProblem(item);
    if (problem) return { ok: false, error: `Link ${index + 1}${item.label ? ` (“${item.label}”)` : ''}: ${problem}` };
  }
  getDb().transaction(
    (tx) => {
      tx.delete(navigationItems).where(eq(navigationItems.menu, menu)).run();
      if (cleaned.length > 0) tx.insert(navigationItems).values(cleaned.map((item, position) => ({ menu, ...item, position }))).run();
      recordAudit(tx, { actorId: actor.id, action: 'navigation.save', subjectType: 'navigation', note: menu, data: { items: cleaned } });
    },
    { behavior: 'immediate' },
  );
  return { ok: true, count: cleaned.length };
}

function linkProblem({ label, href }: SiteLink): string | null {
  if (!label) return 'give it a label.';
  if (label.length > MAX_NAVIGATION_LABEL_LENGTH) return `keep the label to ${MAX_NAVIGATION_LABEL_LENGTH} characters or fewer.`;
  if (!isNavigationHref(href)) return 'use a path on this site such as /about, or an address starting with https://.';
  return null;
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { NavigationEditor } from '@/components/desk/pages/navigation-editor';
import { PagesTabs } from '@/components/desk/pages/pages-tabs';
import { DEFAULT_NAVIGATION } from '@/lib/site/navigation/default-navigation';
import { listNavigation } from '@/lib/site/navigation/list-navigation';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { saveNavigationAction } from '../actions';
import { PagesRefused } from '../desk-page-access';

export const metadata: Metadata = { title: 'Header and footer', robots: { index: false } };

/** The links in the site's header and footer, edited one menu at a time. */
export default async function NavigationPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/pages/navigation' });
  if (!can({ role: staff.role, action: 'navigation.manage' })) return <PagesRefused staff={staff} heading="Header and footer" />;
  const menus = (['header', 'footer'] as const).map((menu) => {
    const items = listNavigation(menu).map(({ label, href }) => ({ label, href }));
    return { menu, items: items.length > 0 ? items : DEFAULT_NAVIGATION[menu], isDefault: items.length === 0 };
  });
  return (
    <DeskShell staff={staff} isWide>
      <h1>Header and footer</h1>
      <PagesTabs current="navigation" canManageNavigation />
      <p className="hint">Each link goes to a path on this site (/about, /issues) or to an address starting with https://. Changes show on the site as soon as a menu is saved.</p>
      {menus.map(({ menu, items, isDefault }) => (
        <NavigationEditor key={menu} menu={menu} title={menu === 'header' ? 'Header' : 'Footer'} initial={items} isDefault={isDefault} save={saveNavigationAction} />
      ))}
    </DeskShell>
  );
}

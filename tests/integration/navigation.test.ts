import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { DEFAULT_NAVIGATION } from '@/lib/site/navigation/default-navigation';
import { listNavigation, readSiteNavigation } from '@/lib/site/navigation/list-navigation';
import { saveNavigation } from '@/lib/site/navigation/save-navigation';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('site navigation', () => {
  it('keeps the built-in links while a menu has no items of its own', () => {
    expect(listNavigation('header')).toEqual([]);
    expect(readSiteNavigation()).toEqual(DEFAULT_NAVIGATION);
    expect(DEFAULT_NAVIGATION.header.map((item) => item.label)).toEqual(['Issues', 'Search', 'Subscribe']);
    expect(DEFAULT_NAVIGATION.footer.map((item) => item.label)).toEqual(['Corrections', 'Subscribe', 'RSS']);
  });

  it('saves a menu in the order given, replacing what it held, and leaves the other menu alone', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    expect(saveNavigation({ actor: editor, menu: 'header', items: [{ label: 'Issues', href: '/issues' }, { label: ' About ', href: '/about' }] })).toEqual({ ok: true, count: 2 });
    expect(saveNavigation({ actor: editor, menu: 'header', items: [{ label: 'About', href: '/about' }, { label: 'Issues', href: '/issues' }, { label: 'Arms Control Today', href: 'https://www.armscontrol.org/act' }] })).toEqual({ ok: true, count: 3 });
    expect(listNavigation('header').map(({ label, href }) => ({ label, href }))).toEqual([
      { label: 'About', href: '/about' },
      { label: 'Issues', href: '/issues' },
      { label: 'Arms Control Today', href: 'https://www.armscontrol.org/act' },
    ]);
    expect(listNavigation('footer')).toEqual([]);
    expect(readSiteNavigation().header.map((item) => item.label)).toEqual(['About', 'Issues', 'Arms Control Today']);
    expect(readSiteNavigation().footer).toEqual(DEFAULT_NAVIGATION.footer);
  });

  it('refuses a link that is neither a site path nor an http(s) address, naming the item, and keeps the menu as it was', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    saveNavigation({ actor: editor, menu: 'footer', items: [{ label: 'About', href: '/about' }] });
    for (const [href, expected] of [
      ['javascript:alert(1)', 'Link 2 (“Bad”): use a path on this site such as /about, or an address starting with https://.'],
      ['//evil.example/x', 'Link 2 (“Bad”): use a path on this site such as /about, or an address starting with https://.'],
      ['about', 'Link 2 (“Bad”): use a path on this site such as /about, or an address starting with https://.'],
    ] as const) {
      expect(saveNavigation({ actor: editor, menu: 'footer', items: [{ label: 'Fine', href: '/fine' }, { label: 'Bad', href }] })).toEqual({ ok: false, error: expected });
    }
    expect(saveNavigation({ actor: editor, menu: 'footer', items: [{ label: '  ', href: '/x' }] })).toEqual({ ok: false, error: 'Link 1: give it a label.' });
    expect(listNavigation('footer').map((item) => item.label)).toEqual(['About']);
  });

  it('is for editors and admins, never authors', async () => {
    const author = await createTestStaff({ role: 'author' });
    expect(() => saveNavigation({ actor: author, menu: 'header', items: [] })).toThrow(ForbiddenError);
    const admin = await createTestStaff({ role: 'admin' });
    expect(saveNavigation({ actor: admin, menu: 'header', items: [] })).toEqual({ ok: true, count: 0 });
  });
});

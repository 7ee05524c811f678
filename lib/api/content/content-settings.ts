import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { navigationItems } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { absoluteUrl } from './absolute-urls';

export type ContentSettings = {
  title: string;
  description: string;
  logo: string | null;
  icon: string | null;
  accent_color: string | null;
  cover_image: null;
  url: string;
  lang: string;
  timezone: string;
  navigation: { label: string; url: string }[];
  secondary_navigation: { label: string; url: string }[];
};

/** The site's public settings in Ghost's shape; the header menu is Ghost's navigation, the footer its secondary one. */
export function contentSettings(): { settings: ContentSettings; meta: Record<string, never> } {
  const { siteUrl } = getConfig();
  const settings = getSiteSettings();
  const items = getDb().select().from(navigationItems).orderBy(asc(navigationItems.menu), asc(navigationItems.position), asc(navigationItems.id)).all();
  const menu = (name: 'header' | 'footer') => items.filter((item) => item.menu === name).map((item) => ({ label: item.label, url: absoluteUrl(item.href, siteUrl) }));
  return {
    settings: {
      title: settings.siteName,
      description: '',
      logo: null,
      icon: `${siteUrl}/icon.svg`,
      accent_color: null,
      cover_image: null,
      url: `${siteUrl}/`,
      lang: 'en',
      timezone: settings.timeZone,
      navigation: menu('header'),
      secondary_navigation: menu('footer'),
    },
    meta: {},
  };
}

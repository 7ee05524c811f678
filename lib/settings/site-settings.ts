import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';

/** A valid IANA time zone name, as Intl understands it. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const siteSettingsSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'That is not a time zone name (e.g. Europe/London, America/New_York).'),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const DEFAULT_SITE_SETTINGS: SiteSettings = { timeZone: process.env.SITE_TIME_ZONE && isTimeZone(process.env.SITE_TIME_ZONE) ? process.env.SITE_TIME_ZONE : 'UTC' };

/** The site's settings, with defaults for whatever was never set. */
export function getSiteSettings(): SiteSettings {
  const rows = getDb().select().from(settings).all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const merged = { ...DEFAULT_SITE_SETTINGS, ...stored };
  const parsed = siteSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SITE_SETTINGS;
}

export type SettingsResult = { ok: true; settings: SiteSettings } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Validates and stores settings. Only admins may call this (the caller checks `settings.manage`). */
export function updateSiteSettings(input: unknown): SettingsResult {
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
    return { ok: false, error: Object.values(fieldErrors)[0] ?? 'Those settings are not valid.', fieldErrors };
  }
  const db = getDb();
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(parsed.data)) {
      tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    }
  });
  return { ok: true, settings: parsed.data };
}

/** Reads one setting row directly (used by tests). */
export function readSetting(key: string): unknown {
  return getDb().select().from(settings).where(eq(settings.key, key)).get()?.value;
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ENTITY_KINDS, settings, type EntityKind } from '@/db/schema';

/** A valid IANA time zone name, as Intl understands it. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const LINKED_KINDS_ERROR = 'Choose among countries, treaties, people, organizations or topics.';

const siteSettingsSchema = z.object({
  /** The publication's name, as readers see it in the masthead, page titles, feeds and structured data. */
  siteName: z.string().trim().min(1, 'Give the site a name.').max(80, 'Keep the name to 80 characters or fewer.'),
  timeZone: z.string().refine(isTimeZone, 'That is not a time zone name (e.g. Europe/London, America/New_York).'),
  /** Kinds of entity whose first mention in an article's text links to the entity's page. */
  linkedEntityKinds: z
    .array(z.enum(ENTITY_KINDS, { error: LINKED_KINDS_ERROR }), { error: LINKED_KINDS_ERROR })
    .transform((kinds): EntityKind[] => ENTITY_KINDS.filter((kind) => kinds.includes(kind))),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  siteName: 'Masthead',
  timeZone: process.env.SITE_TIME_ZONE && isTimeZone(process.env.SITE_TIME_ZONE) ? process.env.SITE_TIME_ZONE : 'UTC',
  linkedEntityKinds: ['treaty', 'person', 'organization'],
};

/** The site's settings, with defaults for whatever was never set (or no longer reads as valid). */
export function getSiteSettings(): SiteSettings {
  const rows = getDb().select().from(settings).all();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const valid = Object.entries(siteSettingsSchema.shape).flatMap(([key, schema]) => {
    const parsed = schema.safeParse(stored.get(key));
    return parsed.success ? [[key, parsed.data]] : [];
  });
  return { ...DEFAULT_SITE_SETTINGS, ...(Object.fromEntries(valid) as Partial<SiteSettings>) };
}

/** On success, `settings` holds the settings that were given and stored; the others keep their values. */
export type SettingsResult = { ok: true; settings: Partial<SiteSettings> } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Validates and stores the settings given. Only admins may call this (the caller checks `settings.manage`). */
export function updateSiteSettings(input: unknown): SettingsResult {
  const parsed = siteSettingsSchema.partial().safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
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

/** The publication's name as set by an admin. */
export function getSiteName(): string {
  return getSiteSettings().siteName;
}

/** Reads one setting row directly (used by tests). */
export function readSetting(key: string): unknown {
  return getDb().select().from(settings).where(eq(settings.key, key)).get()?.value;
}

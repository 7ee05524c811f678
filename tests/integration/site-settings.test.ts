import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { updateSiteSettingsAudited } from '@/lib/staff/audit/update-site-settings-audited';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { withdrawnArticleHtml } from '@/lib/articles/withdrawn-article-html';
import { getSiteFeed } from '@/lib/site/feeds/get-site-feed';
import { getSiteName, getSiteSettings, readSetting } from '@/lib/platform/settings/site-settings';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function settingsAudit() {
  return getDb().select().from(auditLog).where(eq(auditLog.action, 'settings.update')).all();
}

describe('site settings', () => {
  it('an admin renames the site; the name is trimmed, stored and audited, and feeds and pages read it', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    expect(getSiteName()).toBe('Masthead');
    expect(updateSiteSettingsAudited({ actor: admin, input: { siteName: '  Arms Control Monthly ' } })).toEqual({ ok: true, settings: { siteName: 'Arms Control Monthly' } });
    expect(readSetting('siteName')).toBe('Arms Control Monthly');
    expect(getSiteName()).toBe('Arms Control Monthly');
    expect(getSiteFeed({ siteUrl: 'https://magazine.example', format: 'rss' })).toContain('<title>Arms Control Monthly</title>');
    expect(withdrawnArticleHtml({ siteName: getSiteName() })).toContain('<title>Article withdrawn · Arms Control Monthly</title>');
    expect(settingsAudit()).toMatchObject([{ data: { siteName: { from: 'Masthead', to: 'Arms Control Monthly' } } }]);
  });

  it('refuses an empty or overlong site name with the reason, and keeps the stored one', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { siteName: 'Arms Control Monthly' } });
    expect(updateSiteSettingsAudited({ actor: admin, input: { siteName: '   ' } })).toMatchObject({ ok: false, fieldErrors: { siteName: 'Give the site a name.' } });
    expect(updateSiteSettingsAudited({ actor: admin, input: { siteName: 'x'.repeat(81) } })).toMatchObject({ ok: false, fieldErrors: { siteName: 'Keep the name to 80 characters or fewer.' } });
    expect(getSiteName()).toBe('Arms Control Monthly');
  });

  it('an admin sets the time zone; it is stored, read back and audited with what it was', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const before = getSiteSettings().timeZone;
    expect(updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'Europe/Vienna' } })).toEqual({ ok: true, settings: { timeZone: 'Europe/Vienna' } });
    expect(readSetting('timeZone')).toBe('Europe/Vienna');
    expect(getSiteSettings().timeZone).toBe('Europe/Vienna');
    expect(settingsAudit()).toMatchObject([{ actorId: admin.id, subjectType: 'settings', data: { timeZone: { from: before, to: 'Europe/Vienna' } } }]);
  });

  it('saving the same time zone again writes no audit entry', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'Asia/Tokyo' } });
    updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'Asia/Tokyo' } });
    expect(settingsAudit()).toHaveLength(1);
  });

  it('refuses a name that is not a time zone, with a field error, and keeps the old one', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'America/Chicago' } });
    const result = updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'Mars/Olympus_Mons' } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.stringContaining('not a time zone') } });
    expect(getSiteSettings().timeZone).toBe('America/Chicago');
    expect(settingsAudit()).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    expect(() => updateSiteSettingsAudited({ actor: editor, input: { timeZone: 'Europe/Vienna' } })).toThrow(ForbiddenError);
    expect(readSetting('timeZone')).toBeUndefined();
  });
});

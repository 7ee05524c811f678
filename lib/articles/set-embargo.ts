import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone, wallTimeToInstant } from '@/lib/platform/time/zoned-time';
import { loadArticleFor } from './article-access';

const embargoInputSchema = z.object({
  /** Wall-clock time in the site's zone (`YYYY-MM-DDTHH:mm`), or null to lift the embargo. */
  until: z.string().trim().nullable(),
});

export type EmbargoResult = { ok: true; embargoedUntil: string | null } | { ok: false; error: string };

/**
 * Sets or lifts an article's embargo: until then nothing about it may be public, so it cannot be
 * published or scheduled earlier. Only those who may publish may set it; a published article has no embargo.
 */
export function setEmbargo({ id, actor, input, now = new Date() }: { id: number; actor: StaffIdentity; input: unknown; now?: Date }): EmbargoResult {
  const parsed = embargoInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Give the embargo as a date and time, or clear it.' };
  loadArticleFor({ id, actor, action: 'article.publish' });
  const timeZone = getSiteSettings().timeZone;
  const until = parsed.data.until ? wallTimeToInstant({ wallTime: parsed.data.until, timeZone }) : null;
  if (parsed.data.until && !until) return { ok: false, error: 'That is not a date and time; use the date picker.' };
  if (until && until <= now) return { ok: false, error: 'An embargo must end in the future.' };
  return getDb().transaction(
    (tx): EmbargoResult => {
      const article = tx.select().from(articles).where(eq(articles.id, id)).get()!;
      if (article.status === 'published') return { ok: false, error: 'The article is already published; an embargo no longer means anything.' };
      if (until && article.status === 'scheduled' && article.scheduledFor && article.scheduledFor < until) {
        return { ok: false, error: `It is scheduled for ${formatInZone({ instant: article.scheduledFor, timeZone })}, before that embargo. Unschedule it or pick a later embargo.` };
      }
      tx.update(articles).set({ embargoedUntil: until }).where(eq(articles.id, id)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: until ? 'article.embargo' : 'article.embargo_lifted',
        subjectType: 'article',
        subjectId: id,
        note: until ? `Embargoed until ${formatInZone({ instant: until, timeZone })}` : 'Embargo lifted',
      });
      return { ok: true, embargoedUntil: until?.toISOString() ?? null };
    },
    { behavior: 'immediate' },
  );
}

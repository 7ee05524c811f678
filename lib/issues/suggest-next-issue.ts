import 'server-only';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues } from '@/db/schema';

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** What a new issue's form starts with: the month after the newest issue, the next number in its volume. */
export function suggestNextIssue(now = new Date()): { slug: string; title: string; volume: string; number: string; coverMonth: string } {
  const latest = getDb().select().from(issues).orderBy(desc(issues.coverDate), desc(issues.volume), desc(issues.number)).get();
  const base = latest ? new Date(`${latest.coverDate}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1));
  const coverMonth = month.toISOString().slice(0, 7);
  return {
    slug: coverMonth,
    title: monthName.format(month),
    volume: String(latest?.volume ?? 1),
    number: String((latest?.number ?? 0) + 1),
    coverMonth,
  };
}

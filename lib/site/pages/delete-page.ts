import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { PAGE_GONE } from './save-page';

/** Deletes a page, published or not; deleting what readers see needs the right to publish. */
export function deletePage({ actor, id }: { actor: StaffIdentity; id: number }): { ok: true; title: string } {
  assertCan({ role: actor.role, action: 'page.publish' });
  return getDb().transaction(
    (tx) => {
      const page = tx.select({ title: pages.title, slug: pages.slug }).from(pages).where(eq(pages.id, id)).get();
      if (!page) throw new NotFoundError(PAGE_GONE);
      tx.delete(pages).where(eq(pages.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'page.delete', subjectType: 'page', subjectId: id, note: page.title, data: { slug: page.slug } });
      return { ok: true as const, title: page.title };
    },
    { behavior: 'immediate' },
  );
}

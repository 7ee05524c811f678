import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { conflictSentence, pageConflict } from './page-conflict';
import type { PageWriteResult } from './page-write-result';
import { PAGE_GONE } from './save-page';

type Published = { slug: string; title: string };

/** Makes the saved title and text public at `/<slug>`, if the editor has seen this version (`version`). */
export function publishPage({ actor, id, version }: { actor: StaffIdentity; id: number; version: number }): PageWriteResult<Published> {
  assertCan({ role: actor.role, action: 'page.publish' });
  return getDb().transaction(
    (tx): PageWriteResult<Published> => {
      const page = tx.select().from(pages).where(eq(pages.id, id)).get();
      if (!page) throw new NotFoundError(PAGE_GONE);
      if (page.version !== version) {
        const conflict = pageConflict(tx, page);
        return { ok: false, error: conflictSentence(conflict, { isPublishing: true }), conflict };
      }
      tx.update(pages).set({ status: 'published', publishedTitle: page.title, publishedBody: page.body, publishedAt: new Date() }).where(eq(pages.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'page.publish', subjectType: 'page', subjectId: id, note: page.title, data: { version } });
      return { ok: true, slug: page.slug, title: page.title };
    },
    { behavior: 'immediate' },
  );
}

/** Takes the page off the site; its working copy stays for a later publication. */
export function unpublishPage({ actor, id }: { actor: StaffIdentity; id: number }): PageWriteResult<Published> {
  assertCan({ role: actor.role, action: 'page.publish' });
  return getDb().transaction(
    (tx): PageWriteResult<Published> => {
      const page = tx.select().from(pages).where(eq(pages.id, id)).get();
      if (!page) throw new NotFoundError(PAGE_GONE);
      if (page.status !== 'published') return { ok: false, error: `“${page.title}” is not published.` };
      tx.update(pages).set({ status: 'draft', publishedTitle: null, publishedBody: null, publishedAt: null }).where(eq(pages.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'page.unpublish', subjectType: 'page', subjectId: id, note: page.title });
      return { ok: true, slug: page.slug, title: page.title };
    },
    { behavior: 'immediate' },
  );
}

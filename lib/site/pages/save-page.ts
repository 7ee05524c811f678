import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import { conflictSentence, pageConflict } from './page-conflict';
import { pageFieldsSchema, slugClash } from './page-input';
import type { PageWriteResult } from './page-write-result';

export const PAGE_GONE = 'That page does not exist, or it has been deleted.';

/**
 * Saves the page's working copy on top of the version the writer started from. A save from an older
 * version is refused and changes nothing, so neither text is lost. Readers see none of it until the
 * page is published again.
 */
export function savePage({ actor, id, baseVersion, input }: { actor: StaffIdentity; id: number; baseVersion: number; input: { body: unknown } & Record<string, unknown> }): PageWriteResult<{ version: number }> {
  assertCan({ role: actor.role, action: 'page.edit' });
  const parsed = pageFieldsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const doc = validateArticleDoc(input.body);
  if (!doc.ok) return { ok: false, error: `The text cannot be saved: ${doc.message}`, fieldErrors: { body: doc.message } };
  const { title, slug, seoDescription } = parsed.data;
  return getDb().transaction(
    (tx): PageWriteResult<{ version: number }> => {
      const page = tx.select().from(pages).where(eq(pages.id, id)).get();
      if (!page) throw new NotFoundError(PAGE_GONE);
      if (page.version !== baseVersion) {
        const conflict = pageConflict(tx, page);
        return { ok: false, error: conflictSentence(conflict), conflict };
      }
      const clash = slugClash(tx, slug, id);
      if (clash) return { ok: false, error: clash, fieldErrors: { slug: clash } };
      const version = page.version + 1;
      tx.update(pages).set({ title, slug, seoDescription, body: doc.doc, version, updatedBy: actor.id, updatedAt: new Date() }).where(eq(pages.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'page.save', subjectType: 'page', subjectId: id, note: title, data: { version, ...(slug !== page.slug ? { slug: { from: page.slug, to: slug } } : {}) } });
      return { ok: true, version };
    },
    { behavior: 'immediate' },
  );
}

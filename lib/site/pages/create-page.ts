import 'server-only';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import { pageFieldsSchema, slugClash } from './page-input';
import { MAX_PAGE_SLUG_LENGTH } from './page-slug';
import type { PageWriteResult } from './page-write-result';

const EMPTY_BODY = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Starts a draft page with an empty body; its slug comes from the title unless one is given. */
export function createPage({ actor, input }: { actor: StaffIdentity; input: unknown }): PageWriteResult<{ id: number; slug: string }> {
  assertCan({ role: actor.role, action: 'page.edit' });
  const parsed = pageFieldsSchema.pick({ title: true, slug: true }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { title } = parsed.data;
  const slug = parsed.data.slug || slugify(title, { maxLength: MAX_PAGE_SLUG_LENGTH });
  return getDb().transaction(
    (tx): PageWriteResult<{ id: number; slug: string }> => {
      const clash = slugClash(tx, slug, null);
      if (clash) return { ok: false, error: clash, fieldErrors: { slug: clash } };
      const row = tx.insert(pages).values({ slug, title, body: EMPTY_BODY, createdBy: actor.id, updatedBy: actor.id }).returning({ id: pages.id }).get();
      recordAudit(tx, { actorId: actor.id, action: 'page.create', subjectType: 'page', subjectId: row.id, note: title, data: { slug } });
      return { ok: true, id: row.id, slug };
    },
    { behavior: 'immediate' },
  );
}

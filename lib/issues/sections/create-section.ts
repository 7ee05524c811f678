import 'server-only';
import { eq, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { slugify } from '@/lib/content/text/slugify';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import { sectionInputSchema } from './section-input-schema';
import type { SectionWriteResult } from './section-write-result';

export const SECTION_SLUG_TAKEN = 'Another section already has that slug; choose another.';

/** Adds a section at the end of the table-of-contents order. */
export function createSection({ actor, input }: { actor: StaffIdentity; input: unknown }): SectionWriteResult<{ id: number; slug: string }> {
  assertCan({ role: actor.role, action: 'section.manage' });
  const parsed = sectionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, description } = parsed.data;
  const slug = parsed.data.slug || slugify(name, { maxLength: 60 });
  if (!slug) return { ok: false, error: 'Give the section a slug made of letters or digits.', fieldErrors: { slug: 'Enter a slug, e.g. book-reviews.' } };
  return getDb().transaction(
    (tx): SectionWriteResult<{ id: number; slug: string }> => {
      if (tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).get()) {
        return { ok: false, error: SECTION_SLUG_TAKEN, fieldErrors: { slug: SECTION_SLUG_TAKEN } };
      }
      const last = tx.select({ value: max(sections.position) }).from(sections).get()?.value ?? -1;
      const row = tx.insert(sections).values({ name, slug, description, position: last + 1 }).returning({ id: sections.id }).get();
      recordAudit(tx, { actorId: actor.id, action: 'section.create', subjectType: 'section', subjectId: row.id, note: name, data: { slug } });
      return { ok: true, id: row.id, slug };
    },
    { behavior: 'immediate' },
  );
}

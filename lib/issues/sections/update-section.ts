import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import { SECTION_SLUG_TAKEN } from './create-section';
import { sectionInputSchema } from './section-input-schema';
import type { SectionWriteResult } from './section-write-result';

/** Renames or describes a section; an empty slug keeps the current one. */
export function updateSection({ actor, id, input }: { actor: StaffIdentity; id: number; input: unknown }): SectionWriteResult<{ slug: string }> {
  assertCan({ role: actor.role, action: 'section.manage' });
  const parsed = sectionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, description } = parsed.data;
  return getDb().transaction(
    (tx): SectionWriteResult<{ slug: string }> => {
      const current = tx.select().from(sections).where(eq(sections.id, id)).get();
      if (!current) throw new NotFoundError('That section does not exist, or it has been deleted.');
      const slug = parsed.data.slug || current.slug;
      if (tx.select({ id: sections.id }).from(sections).where(and(eq(sections.slug, slug), ne(sections.id, id))).get()) {
        return { ok: false, error: SECTION_SLUG_TAKEN, fieldErrors: { slug: SECTION_SLUG_TAKEN } };
      }
      tx.update(sections).set({ name, slug, description }).where(eq(sections.id, id)).run();
      const changed: Record<string, { from: string; to: string }> = {};
      for (const [field, value] of [['name', name], ['slug', slug], ['description', description]] as const) {
        if (current[field] !== value) changed[field] = { from: current[field], to: value };
      }
      recordAudit(tx, { actorId: actor.id, action: 'section.update', subjectType: 'section', subjectId: id, note: name, data: changed });
      return { ok: true, slug };
    },
    { behavior: 'immediate' },
  );
}

import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, sections } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createSection } from '@/lib/issues/sections/create-section';
import { listSections } from '@/lib/issues/sections/list-sections';
import { moveSection } from '@/lib/issues/sections/move-section';
import { updateSection } from '@/lib/issues/sections/update-section';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function order(): string[] {
  return getDb().select({ name: sections.name }).from(sections).orderBy(asc(sections.position)).all().map((row) => row.name);
}

describe('sections', () => {
  it('adds sections at the end with a slug from the name, and refuses a taken slug', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    expect(createSection({ actor: admin, input: { name: 'News' } })).toMatchObject({ ok: true, slug: 'news' });
    expect(createSection({ actor: admin, input: { name: 'Book Reviews', description: 'New books.' } })).toMatchObject({ ok: true, slug: 'book-reviews' });
    expect(createSection({ actor: admin, input: { name: 'More news', slug: 'news' } })).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String) } });
    expect(createSection({ actor: admin, input: { name: '  ' } })).toMatchObject({ ok: false, fieldErrors: { name: 'Enter a name.' } });
    expect(listSections().map((section) => [section.name, section.slug, section.position])).toEqual([
      ['News', 'news', 0],
      ['Book Reviews', 'book-reviews', 1],
    ]);
  });

  it('renames and describes a section, keeping its slug when none is given, with an audit entry', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const created = createSection({ actor: admin, input: { name: 'Interviews' } });
    if (!created.ok) throw new Error(created.error);
    expect(updateSection({ actor: admin, id: created.id, input: { name: 'Conversations', description: 'Long talks.' } })).toEqual({ ok: true, slug: 'interviews' });
    expect(getDb().select().from(sections).where(eq(sections.id, created.id)).get()).toMatchObject({ name: 'Conversations', slug: 'interviews', description: 'Long talks.' });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'section.update')).get()?.data).toEqual({
      name: { from: 'Interviews', to: 'Conversations' },
      description: { from: '', to: 'Long talks.' },
    });
    expect(() => updateSection({ actor: admin, id: 9999, input: { name: 'X' } })).toThrow(NotFoundError);
  });

  it('moves a section up and down, and says so when it is already at the end', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const ids = ['News', 'Features', 'Analysis'].map((name) => {
      const result = createSection({ actor: admin, input: { name } });
      if (!result.ok) throw new Error(result.error);
      return result.id;
    });
    expect(moveSection({ actor: admin, id: ids[2]!, direction: 'up' })).toEqual({ ok: true, position: 2, total: 3, name: 'Analysis' });
    expect(order()).toEqual(['News', 'Analysis', 'Features']);
    expect(moveSection({ actor: admin, id: ids[0]!, direction: 'up' })).toEqual({ ok: false, error: 'News is already first.' });
    expect(order()).toEqual(['News', 'Analysis', 'Features']);
  });

  it('is for editors and administrators, never authors', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const created = createSection({ actor: editor, input: { name: 'News' } });
    if (!created.ok) throw new Error(created.error);
    expect(() => createSection({ actor: author, input: { name: 'Features' } })).toThrow(ForbiddenError);
    expect(() => updateSection({ actor: author, id: created.id, input: { name: 'Renamed' } })).toThrow(ForbiddenError);
    expect(() => moveSection({ actor: author, id: created.id, direction: 'down' })).toThrow(ForbiddenError);
    expect(order()).toEqual(['News']);
    expect(moveSection({ actor: editor, id: created.id, direction: 'down' })).toEqual({ ok: false, error: 'News is already last.' });
  });
});

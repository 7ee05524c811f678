import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issues, media } from '@/db/schema';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import { issueInputSchema } from './issue-input-schema';

type Reader = Pick<Db, 'select'>;

export type IssueValues = {
  slug: string;
  title: string;
  volume: number;
  number: number;
  coverDate: string;
  plannedPublicationDate: string | null;
  coverMediaId: number | null;
  editorsNoteBody: JSONContent | null;
  editorsNote: string;
  status?: 'planning' | 'ready';
  defaultAccess: 'public' | 'registered' | 'members' | null;
  archiveFreeAfterMonths: number | null;
};

export type PreparedIssue = { ok: true; values: IssueValues } | { ok: false; error: string; fieldErrors: Record<string, string> };

const NOTE_LIMIT_BYTES = 200_000;

/**
 * Checks a desk form against the schema and the database (unique slug and volume/number, an image
 * that exists, an editor's note the shared editor could have made) and shapes the row's values.
 * `issueId` names the issue being edited, so its own slug and number do not count as taken.
 */
export function prepareIssueValues(db: Reader, { input, issueId = null }: { input: unknown; issueId?: number | null }): PreparedIssue {
  const parsed = issueInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const data = parsed.data;
  const fieldErrors: Record<string, string> = {};

  const note = readNote(data.editorsNoteBody);
  if (!note.ok) fieldErrors.editorsNoteBody = note.error;
  const coverMediaId = data.coverMediaId === '' ? null : Number(data.coverMediaId);
  if (coverMediaId !== null && !db.select({ id: media.id }).from(media).where(eq(media.id, coverMediaId)).get()) {
    fieldErrors.coverMediaId = 'That image is no longer in the library; choose another.';
  }
  const others = issueId === null ? undefined : ne(issues.id, issueId);
  if (db.select({ id: issues.id }).from(issues).where(and(eq(issues.slug, data.slug), others)).get()) {
    fieldErrors.slug = 'Another issue already has that slug; choose another.';
  }
  if (db.select({ id: issues.id }).from(issues).where(and(eq(issues.volume, data.volume), eq(issues.number, data.number), others)).get()) {
    fieldErrors.number = `Volume ${data.volume} already has a number ${data.number}; choose another number.`;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: Object.values(fieldErrors)[0]!, fieldErrors };

  const doc = note.ok ? note.doc : null;
  return {
    ok: true,
    values: {
      slug: data.slug,
      title: data.title,
      volume: data.volume,
      number: data.number,
      coverDate: `${data.coverMonth}-01`,
      plannedPublicationDate: data.plannedPublicationDate || null,
      coverMediaId,
      editorsNoteBody: doc,
      editorsNote: doc ? docToPlainText(doc).trim() : '',
      ...(data.status ? { status: data.status } : {}),
      defaultAccess: data.defaultAccess === '' ? null : data.defaultAccess,
      archiveFreeAfterMonths: data.archiveFreeAfterMonths === '' ? null : Number(data.archiveFreeAfterMonths),
    },
  };
}

/** The note as the editor sent it: empty means none; anything else must be a valid document. */
function readNote(text: string): { ok: true; doc: JSONContent | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, doc: null };
  if (Buffer.byteLength(text, 'utf8') > NOTE_LIMIT_BYTES) return { ok: false, error: 'The editor’s note is too long; keep it to a page or two.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The editor’s note did not arrive intact; reload the page and try again.' };
  }
  const validation = validateArticleDoc(value, { maxBytes: NOTE_LIMIT_BYTES });
  if (!validation.ok) return { ok: false, error: `The editor’s note cannot be saved: ${validation.problems[0]?.message ?? validation.message}` };
  return { ok: true, doc: docToPlainText(validation.doc).trim() === '' ? null : validation.doc };
}

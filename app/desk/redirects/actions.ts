'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addRedirect, removeRedirect, type RedirectResult } from '@/lib/migration/redirects/redirects';
import { importRedirectsCsv, type RedirectCsvReport } from '@/lib/migration/redirects/redirects-csv';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

/** A server action's body is capped at 1 MB by Next; say so before the upload is cut off. */
const CSV_LIMIT_BYTES = 1_000_000;

const addInput = z.object({ from: formText, to: formText });
type AddAnswer = RedirectResult & { message?: string };
export type AddRedirectState = StaffActionState<AddAnswer>;

export const addRedirectAction = staffAction({
  name: 'redirect.add',
  permission: 'redirect.manage',
  input: addInput,
  returnTo: '/desk/redirects',
  run: ({ staff, input }): AddAnswer => {
    const result = addRedirect({ from: input.from, to: input.to, origin: 'manual', actorId: staff.id });
    if (!result.ok) return result;
    revalidatePath('/desk/redirects');
    return { ...result, message: `${result.fromPath} now leads to ${result.toPath}.` };
  },
  audit: ({ staff, result }) => (result.ok ? { actorId: staff.id, action: 'redirect.add', subjectType: 'redirect', subjectId: result.id, note: result.message ?? '' } : null),
});

export const removeRedirectAction = staffAction({
  name: 'redirect.remove',
  permission: 'redirect.manage',
  input: z.object({ id: formId }),
  returnTo: '/desk/redirects',
  run: ({ input }) => {
    const result = removeRedirect(input.id);
    if (!result.ok) return result;
    revalidatePath('/desk/redirects');
    return { ok: true, message: `Removed the redirect from ${result.fromPath}.` };
  },
  audit: ({ staff, input, result }) => (result.ok ? { actorId: staff.id, action: 'redirect.remove', subjectType: 'redirect', subjectId: input.id, note: result.message } : null),
});

type ImportAnswer = { ok: true; message: string; report: RedirectCsvReport } | { ok: false; error: string; fieldErrors?: Record<string, string> };
export type RedirectImportState = StaffActionState<ImportAnswer>;

const importInput = z.object({ file: z.instanceof(File, { error: 'Choose a CSV file to import.' }) });

export const importRedirectsAction = staffAction({
  name: 'redirect.import',
  permission: 'redirect.manage',
  input: importInput,
  fromForm: (form) => ({ file: form.get('file') ?? undefined }),
  formValues: () => ({}),
  returnTo: '/desk/redirects',
  run: async ({ staff, input }): Promise<ImportAnswer> => {
    if (input.file.size === 0) return { ok: false, error: 'That file is empty; choose the CSV with your redirects.', fieldErrors: { file: 'The file is empty.' } };
    if (input.file.size > CSV_LIMIT_BYTES) return { ok: false, error: 'That file is over 1 MB; split it into smaller files and import each.', fieldErrors: { file: 'Over 1 MB.' } };
    const report = importRedirectsCsv(await input.file.text(), { actorId: staff.id });
    revalidatePath('/desk/redirects');
    return { ok: true, message: importSummary(report), report };
  },
  audit: ({ staff, result }) => (result.ok ? { actorId: staff.id, action: 'redirect.import', subjectType: 'redirect', note: result.message, data: { added: result.report.added, invalid: result.report.invalid.length, duplicates: result.report.duplicates.length } } : null),
});

function importSummary(report: RedirectCsvReport): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const added = `Added ${count(report.added, 'redirect', 'redirects')}.`;
  const skipped = [report.invalid.length ? count(report.invalid.length, 'row could not be used', 'rows could not be used') : '', report.duplicates.length ? count(report.duplicates.length, 'row was already there', 'rows were already there') : ''].filter(Boolean);
  return skipped.length ? `${added} ${skipped.join('; ')}: see below.` : added;
}

'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { createIssue } from '@/lib/issues/create-issue';
import type { IssueActionResult, PublishIssueResult } from '@/lib/issues/issue-action-state';
import { publishIssue } from '@/lib/issues/publish-issue';
import { removeIssueArticle } from '@/lib/issues/remove-issue-article';
import { reorderIssueSection } from '@/lib/issues/reorder-issue-section';
import { searchArticlesForIssue, type IssueCandidate } from '@/lib/issues/search-articles-for-issue';
import { updateIssue } from '@/lib/issues/update-issue';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const FORM_FIELDS = ['slug', 'title', 'volume', 'number', 'coverMonth', 'plannedPublicationDate', 'coverMediaId', 'editorsNoteBody', 'status', 'defaultAccess', 'archiveFreeAfterMonths'] as const;

/** The issue form's fields as sent; the domain's schema says what each may hold. */
const issueFields = z.object(Object.fromEntries(FORM_FIELDS.map((field) => [field, z.string().optional()])) as Record<(typeof FORM_FIELDS)[number], z.ZodOptional<z.ZodString>>);
const issueValues = (input: Partial<Record<string, unknown>>) =>
  Object.fromEntries(FORM_FIELDS.flatMap((field) => (typeof input[field] === 'string' ? [[field, input[field]]] : []))) as Record<string, string>;
const issuePage = (sent: Partial<Record<string, unknown>>) => `/desk/issues/${sent.issueId}`;

export const createIssueAction = staffAction({
  name: 'issue.create',
  permission: 'issue.manage',
  input: issueFields,
  returnTo: '/desk/issues/new',
  audit: 'in-domain',
  run: ({ staff, input }): IssueActionResult => {
    const result = createIssue({ actor: staff, input: issueValues(input) });
    if (!result.ok) return result;
    revalidatePath('/desk/issues', 'layout');
    return { ok: true, message: 'Created.', redirectTo: `/desk/issues/${result.id}?created=1` };
  },
});

export const updateIssueAction = staffAction({
  name: 'issue.update',
  permission: 'issue.manage',
  input: issueFields.extend({ issueId: formId }),
  returnTo: issuePage,
  audit: 'in-domain',
  run: ({ staff, input }): IssueActionResult => {
    const result = updateIssue({ actor: staff, id: input.issueId, input: issueValues(input) });
    if (!result.ok) return result;
    expireIssuePages({ issueId: input.issueId, isPublic: result.isPublished });
    return { ok: true, message: result.isPublished ? 'Saved; the issue page shows the change.' : 'Saved.' };
  },
});

/** Publishes the issue; `intent=without-email` publishes it without the issue email. On success the planner reloads with a notice. */
export const publishIssueAction = staffAction({
  name: 'issue.publish',
  permission: 'issue.manage',
  input: z.object({ issueId: formId, intent: formText }),
  returnTo: issuePage,
  audit: 'in-domain',
  run: ({ staff, input }): PublishIssueResult => {
    const result = publishIssue({ actor: staff, id: input.issueId, isEmailWanted: input.intent !== 'without-email' });
    if (!result.ok) return result;
    expireIssuePages({ issueId: input.issueId, isPublic: true });
    return { ok: true, redirectTo: `/desk/issues/${input.issueId}?published=${result.articleIds.length}&email=${result.isEmailQueued ? 1 : 0}` };
  },
});

const issueArticle = z.object({ issueId: formId, articleId: formId });

export const addIssueArticleAction = staffAction({
  name: 'issue.add-article',
  permission: 'issue.manage',
  input: issueArticle,
  returnTo: issuePage,
  audit: 'in-domain',
  run: ({ staff, input }): IssueActionResult => {
    const result = addIssueArticle({ actor: staff, ...input });
    if (!result.ok) return result;
    revalidatePath(`/desk/issues/${input.issueId}`);
    return { ok: true, message: `Added “${result.title}” to the issue.` };
  },
});

export const removeIssueArticleAction = staffAction({
  name: 'issue.remove-article',
  permission: 'issue.manage',
  input: issueArticle,
  returnTo: issuePage,
  audit: 'in-domain',
  run: ({ staff, input }): IssueActionResult => {
    const result = removeIssueArticle({ actor: staff, ...input });
    if (!result.ok) return result;
    revalidatePath(`/desk/issues/${input.issueId}`);
    const listed = result.isStillListed ? ' It stays in the published table of contents until the article is updated.' : '';
    return { ok: true, message: `Removed “${result.title}” from the issue.${listed}` };
  },
});

export const reorderIssueSectionAction = staffAction({
  name: 'issue.reorder',
  permission: 'issue.manage',
  input: z.object({ issueId: formId, sectionId: formId.nullable(), articleIds: z.array(formId, { error: 'Send the articles in their new order.' }).max(500) }),
  returnTo: issuePage,
  audit: 'in-domain',
  run: ({ staff, input: { issueId, sectionId, articleIds } }): IssueActionResult => {
    const result = reorderIssueSection({ actor: staff, issueId, input: { sectionId, articleIds } });
    if (!result.ok) return result;
    // The order is read straight from the articles, so a published issue's page changes at once.
    expireIssuePages({ issueId, isPublic: true });
    return { ok: true, message: 'Order saved.' };
  },
});

export const searchIssueCandidatesAction = staffAction({
  name: 'issue.search-articles',
  permission: 'issue.manage',
  input: z.object({ issueId: formId, query: z.string().transform((query) => query.slice(0, 200)) }),
  returnTo: issuePage,
  audit: 'read-only',
  run: ({ staff, input }): { ok: true; articles: IssueCandidate[] } => ({ ok: true, articles: searchArticlesForIssue({ actor: staff, query: input.query }) }),
});

/** The desk's pages are read fresh; readers see the issue and every article filed in it (with their entity, section and author pages). */
function expireIssuePages({ issueId, isPublic }: { issueId: number; isPublic: boolean }): void {
  revalidatePath('/desk/issues', 'layout');
  if (!isPublic) return;
  expireReaderContent({ kind: 'issue', issueIds: [issueId] });
}

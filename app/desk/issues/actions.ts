'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { createIssue } from '@/lib/issues/create-issue';
import type { IssueActionResult, IssueFormState, PublishIssueState } from '@/lib/issues/issue-action-state';
import { publishIssue } from '@/lib/issues/publish-issue';
import { removeIssueArticle } from '@/lib/issues/remove-issue-article';
import { reorderIssueSection } from '@/lib/issues/reorder-issue-section';
import { searchArticlesForIssue, type IssueCandidate } from '@/lib/issues/search-articles-for-issue';
import { updateIssue } from '@/lib/issues/update-issue';

const FORM_FIELDS = ['slug', 'title', 'volume', 'number', 'coverMonth', 'plannedPublicationDate', 'coverMediaId', 'editorsNoteBody', 'status'] as const;

export async function createIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const staff = await requireStaff({ returnTo: '/desk/issues/new' });
  const values = readIssueForm(formData);
  let createdId: number;
  try {
    const result = createIssue({ actor: staff, input: values });
    if (!result.ok) return { ...result, values };
    createdId = result.id;
  } catch (error) {
    return { ...failure(error), values };
  }
  revalidatePath('/desk/issues', 'layout');
  redirect(`/desk/issues/${createdId}?created=1`);
}

export async function updateIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const id = Number(formData.get('issueId'));
  const staff = await requireStaff({ returnTo: `/desk/issues/${id}` });
  const values = readIssueForm(formData);
  try {
    const result = updateIssue({ actor: staff, id, input: values });
    if (!result.ok) return { ...result, values };
    expireIssuePages({ issueId: id, isPublic: result.isPublished });
    return { ok: true, message: result.isPublished ? 'Saved; the issue page shows the change.' : 'Saved.' };
  } catch (error) {
    return { ...failure(error), values };
  }
}

/** Publishes the issue; `intent=without-email` publishes it without the issue email. On success the planner reloads with a notice. */
export async function publishIssueAction(_previous: PublishIssueState, formData: FormData): Promise<PublishIssueState> {
  const id = Number(formData.get('issueId'));
  const staff = await requireStaff({ returnTo: `/desk/issues/${id}` });
  const isEmailWanted = formData.get('intent') !== 'without-email';
  let published: { articleIds: number[]; isEmailQueued: boolean };
  try {
    const result = publishIssue({ actor: staff, id, isEmailWanted });
    if (!result.ok) return result;
    published = result;
  } catch (error) {
    return failure(error);
  }
  expireIssuePages({ issueId: id, isPublic: true });
  redirect(`/desk/issues/${id}?published=${published.articleIds.length}&email=${published.isEmailQueued ? 1 : 0}`);
}

export async function addIssueArticleAction({ issueId, articleId }: { issueId: number; articleId: number }): Promise<IssueActionResult> {
  const staff = await requireStaff({ returnTo: `/desk/issues/${issueId}` });
  try {
    const result = addIssueArticle({ actor: staff, issueId, articleId });
    if (!result.ok) return result;
    revalidatePath(`/desk/issues/${issueId}`);
    return { ok: true, message: `Added “${result.title}” to the issue.` };
  } catch (error) {
    return failure(error);
  }
}

export async function removeIssueArticleAction({ issueId, articleId }: { issueId: number; articleId: number }): Promise<IssueActionResult> {
  const staff = await requireStaff({ returnTo: `/desk/issues/${issueId}` });
  try {
    const result = removeIssueArticle({ actor: staff, issueId, articleId });
    if (!result.ok) return result;
    revalidatePath(`/desk/issues/${issueId}`);
    const listed = result.isStillListed ? ' It stays in the published table of contents until the article is updated.' : '';
    return { ok: true, message: `Removed “${result.title}” from the issue.${listed}` };
  } catch (error) {
    return failure(error);
  }
}

export async function reorderIssueSectionAction({
  issueId,
  sectionId,
  articleIds,
}: {
  issueId: number;
  sectionId: number | null;
  articleIds: number[];
}): Promise<IssueActionResult> {
  const staff = await requireStaff({ returnTo: `/desk/issues/${issueId}` });
  try {
    const result = reorderIssueSection({ actor: staff, issueId, input: { sectionId, articleIds } });
    if (!result.ok) return result;
    // The order is read straight from the articles, so a published issue's page changes at once.
    expireIssuePages({ issueId, isPublic: true });
    return { ok: true, message: 'Order saved.' };
  } catch (error) {
    return failure(error);
  }
}

export async function searchIssueCandidatesAction({ issueId, query }: { issueId: number; query: string }): Promise<{ ok: true; articles: IssueCandidate[] } | { ok: false; error: string }> {
  const staff = await requireStaff({ returnTo: `/desk/issues/${issueId}` });
  try {
    return { ok: true, articles: searchArticlesForIssue({ actor: staff, query: String(query).slice(0, 200) }) };
  } catch (error) {
    return failure(error);
  }
}

function readIssueForm(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/** The desk's pages are read fresh; readers see the issue and every article filed in it (with their entity, section and author pages). */
function expireIssuePages({ issueId, isPublic }: { issueId: number; isPublic: boolean }): void {
  revalidatePath('/desk/issues', 'layout');
  if (!isPublic) return;
  expireReaderContent({ kind: 'issue', issueIds: [issueId] });
}

function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, error: error.message };
  console.error('Issue action failed', error);
  return { ok: false, error: 'Something went wrong and nothing was changed; try again.' };
}

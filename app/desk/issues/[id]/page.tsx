import type { JSONContent } from '@tiptap/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { IssueEmailPanel } from '@/components/desk/issue-email-panel';
import { AddIssueArticles } from '@/components/desk/issues/add-issue-articles';
import { IssueBlockerSummary } from '@/components/desk/issues/issue-blocker-summary';
import { IssueForm } from '@/components/desk/issues/issue-form';
import { IssuePlanner } from '@/components/desk/issues/issue-planner';
import { IssueStatusLabel } from '@/components/desk/issues/issue-status-label';
import { PublishIssueForm } from '@/components/desk/issues/publish-issue-form';
import styles from '@/components/desk/issues/issues.module.css';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { getIssuePlan } from '@/lib/issues/get-issue-plan';
import { listCoverOptions } from '@/lib/issues/list-cover-options';
import { addIssueArticleAction, publishIssueAction, removeIssueArticleAction, reorderIssueSectionAction, searchIssueCandidatesAction, updateIssueAction } from '../actions';
import { SendTestForm } from './email-preview/send-test-form.client';

export const metadata: Metadata = { title: 'Issue', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The issue planner: details, the articles by section in order, what blocks publication, and publishing. */
export default async function DeskIssuePage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/issues/${id}` });
  const plan = readOrNotFound(() => getIssuePlan({ id: Number(id), actor: staff }));
  if ('forbidden' in plan) {
    return (
      <DeskShell staff={staff}>
        <h1>Issue</h1>
        <p>{plan.forbidden} Editors assemble the issues.</p>
      </DeskShell>
    );
  }
  const query = await searchParams;
  const isCreated = query.created === '1';
  const publishedNotice = query.published === undefined ? null : describePublication({ articles: Number(query.published), isEmailQueued: query.email === '1' });
  const isPublished = plan.status === 'published';
  // Remounts the planner when the server's list changes (an article added, removed or refiled).
  // Order is left out, so a reorder (already shown by the planner itself) does not remount it.
  const plannerKey = plan.sections
    .flatMap((section) => section.articles.map((article) => `${section.sectionId}:${article.id}.${article.status}`))
    .sort()
    .join('|');
  return (
    <DeskShell staff={staff} isWide>
      <p>
        <Link href="/desk/issues">← Issues</Link>
      </p>
      <h1>
        {plan.title} <IssueStatusLabel status={plan.status} />
      </h1>
      <p className="meta">
        Volume {plan.volume}, Number {plan.number} · {plan.articleCount} {plan.articleCount === 1 ? 'article' : 'articles'}
        {plan.plannedPublicationDate ? ` · planned for ${plan.plannedPublicationDate}` : ''} ·{' '}
        {isPublished ? <Link href={`/issues/${plan.slug}`}>Issue page</Link> : <Link href={`/desk/issues/${plan.id}/preview`}>Preview the issue page</Link>}
      </p>
      <div aria-live="polite">
        {isCreated ? (
          <p role="status" className="notice">
            Created {plan.title}. Add its articles below.
          </p>
        ) : null}
        {publishedNotice && isPublished ? (
          <p role="status" className="notice">
            {publishedNotice}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="contents-heading" className={styles.panel}>
        <h2 id="contents-heading">Table of contents</h2>
        {isPublished ? null : <IssueBlockerSummary blockers={plan.blockers} articleCount={plan.articleCount} />}
        <IssuePlanner key={plannerKey} issueId={plan.id} sections={plan.sections} reorderAction={reorderIssueSectionAction} removeAction={removeIssueArticleAction} />
        <h3>Add articles</h3>
        <p className="hint">Articles that are in no issue yet. An article’s section is chosen in the editor.</p>
        <AddIssueArticles issueId={plan.id} searchAction={searchIssueCandidatesAction} addAction={addIssueArticleAction} />
      </section>

      {isPublished ? null : (
        <section aria-labelledby="publish-heading" className={styles.panel}>
          <h2 id="publish-heading">Publish</h2>
          <PublishIssueForm action={publishIssueAction} issueId={plan.id} title={plan.title} blockerCount={plan.blockers.length} />
        </section>
      )}

      <div className={styles.panel}>
        <IssueEmailPanel issueId={plan.id} sendTestForm={<SendTestForm issueId={plan.id} />} />
      </div>

      <section aria-labelledby="details-heading" className={styles.panel}>
        <h2 id="details-heading">Details</h2>
        <IssueForm
          action={updateIssueAction}
          issueId={plan.id}
          initial={{
            slug: plan.slug,
            title: plan.title,
            volume: String(plan.volume),
            number: String(plan.number),
            coverMonth: plan.coverDate.slice(0, 7),
            plannedPublicationDate: plan.plannedPublicationDate ?? '',
            coverMediaId: plan.cover ? String(plan.cover.id) : '',
            status: plan.status,
            defaultAccess: plan.defaultAccess ?? '',
            archiveFreeAfterMonths: plan.archiveFreeAfterMonths === null ? '' : String(plan.archiveFreeAfterMonths),
          }}
          initialNote={(plan.editorsNoteBody as JSONContent | null) ?? null}
          covers={listCoverOptions({ currentId: plan.cover?.id ?? null })}
          submitLabel="Save details"
        />
      </section>
    </DeskShell>
  );
}

function describePublication({ articles, isEmailQueued }: { articles: number; isEmailQueued: boolean }): string {
  const count = Number.isInteger(articles) && articles >= 0 ? articles : 0;
  const articlesPart = count === 1 ? 'one article' : `${count} articles`;
  return `Published the issue with ${articlesPart}. ${isEmailQueued ? 'The issue email is due to go out.' : 'No issue email will be sent.'}`;
}

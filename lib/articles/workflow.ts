import type { ArticleStatus, StaffRole } from '@/db/schema';
import { can, type Action } from '@/lib/staff/auth/policy';

/**
 * The editorial workflow, defined once: every move an article can make, from which state, to which,
 * who may make it (a policy action, with the policy's own/any scope) and what it needs.
 * The desk offers exactly what `availableWorkflowActions` returns; the server refuses anything else.
 */
export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'request_changes', 'approve', 'schedule', 'unschedule', 'publish', 'update', 'unpublish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What a transition needs before the server will make it. */
export type Requirement =
  /** Nothing in the preflight checklist blocks. */
  | 'preflight'
  /** A note saying why (shown to the authors). */
  | 'note'
  /** A publication time in the future and not before any embargo. */
  | 'time'
  /** Any embargo has lifted. */
  | 'embargo_lifted';

export type Transition = {
  action: WorkflowAction;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: Action;
  needs: readonly Requirement[];
  label: string;
  /** For the audit log and notifications: "<actor> submitted …". */
  verb: string;
};

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft', 'changes_requested'], to: 'in_review', permission: 'article.submit', needs: ['preflight'], label: 'Submit for review', verb: 'submitted' },
  { action: 'withdraw', from: ['in_review'], to: 'draft', permission: 'article.submit', needs: [], label: 'Withdraw from review', verb: 'withdrew' },
  {
    action: 'request_changes',
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    permission: 'article.review',
    needs: ['note'],
    label: 'Request changes',
    verb: 'requested changes to',
  },
  { action: 'approve', from: ['in_review'], to: 'approved', permission: 'article.review', needs: ['preflight'], label: 'Approve', verb: 'approved' },
  { action: 'schedule', from: ['approved'], to: 'scheduled', permission: 'article.publish', needs: ['preflight', 'time'], label: 'Schedule', verb: 'scheduled' },
  { action: 'unschedule', from: ['scheduled'], to: 'approved', permission: 'article.publish', needs: [], label: 'Unschedule', verb: 'unscheduled' },
  {
    action: 'publish',
    from: ['approved', 'scheduled', 'unpublished'],
    to: 'published',
    permission: 'article.publish',
    needs: ['preflight', 'embargo_lifted'],
    label: 'Publish now',
    verb: 'published',
  },
  { action: 'update', from: ['published'], to: 'published', permission: 'article.correct', needs: ['preflight'], label: 'Update', verb: 'updated' },
  { action: 'unpublish', from: ['published'], to: 'unpublished', permission: 'article.publish', needs: [], label: 'Unpublish', verb: 'unpublished' },
];

export function findTransition({ action, from }: { action: WorkflowAction; from: ArticleStatus }): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action && transition.from.includes(from));
}

/** Whether this person may make this move on this article now (state and role; requirements are checked apart). */
export function canTransition({ action, status, role, isOwn }: { action: WorkflowAction; status: ArticleStatus; role: StaffRole; isOwn: boolean }): boolean {
  const transition = findTransition({ action, from: status });
  return transition !== undefined && can({ role, action: transition.permission, isOwn });
}

/** The moves the desk offers this person for this article, in table order. */
export function availableWorkflowActions({ status, role, isOwn }: { status: ArticleStatus; role: StaffRole; isOwn: boolean }): Transition[] {
  return TRANSITIONS.filter((transition) => transition.from.includes(status) && can({ role, action: transition.permission, isOwn }));
}

/** States in which an article's own author may still change it; editors may edit in any state. */
export const AUTHOR_EDITABLE_STATES: readonly ArticleStatus[] = ['draft', 'changes_requested'];

/** Whether this person may change the working copy while the article is in this state. */
export function canEditInState({ status, role, isOwn }: { status: ArticleStatus; role: StaffRole; isOwn: boolean }): boolean {
  if (!can({ role, action: 'article.edit', isOwn })) return false;
  if (can({ role, action: 'article.review' })) return true;
  return AUTHOR_EDITABLE_STATES.includes(status);
}

/** Why an author cannot edit now, in words for the editor page. */
export function lockedReason(status: ArticleStatus): string {
  if (status === 'in_review') return 'This article is with the editors for review. Withdraw it to edit, or wait until they request changes.';
  if (status === 'approved' || status === 'scheduled') return 'This article has been approved; only editors change it now. Ask an editor if something needs fixing.';
  return 'This article is published; only editors change it now. Ask an editor for a correction or update.';
}

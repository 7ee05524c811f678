import type { IssueBlocker } from './issue-blocker';

/** What the desk's issue actions answer: a confirmation (or where to go next), or a sentence for the person with the fields it is about. */
export type IssueActionResult = { ok: true; message: string; redirectTo?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The issue form's state: a refusal carries what was typed, so the form keeps it. */
export type IssueFormState = (IssueActionResult & { values?: Record<string, string> }) | null;

/** Publishing answers with the issue's blockers when it cannot go out. */
export type PublishIssueResult = { ok: true; redirectTo: string } | { ok: false; error: string; fieldErrors?: Record<string, string>; blockers?: IssueBlocker[] };

export type PublishIssueState = PublishIssueResult | null;

import type { IssueBlocker } from './issue-blocker';

/** What the desk's issue actions answer: a confirmation, or a sentence for the person with the fields it is about. */
export type IssueActionResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The issue form's state: a refusal carries what was typed, so the form keeps it. */
export type IssueFormState = (IssueActionResult & { values?: Record<string, string> }) | null;

export type PublishIssueState = { ok: false; error: string; blockers?: IssueBlocker[] } | null;

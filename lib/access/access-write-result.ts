/** What a change to tiers, memberships or institutions returns: a refusal is a sentence, with the fields it is about. */
export type AccessWriteResult<Success extends object = object> = ({ ok: true } & Success) | { ok: false; error: string; fieldErrors?: Record<string, string> };

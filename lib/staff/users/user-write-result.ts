/** What a staff or contributor change returns: a refusal is a sentence for the person, with the fields it is about. */
export type UserWriteResult<Success extends object = object> =
  | ({ ok: true } & Success)
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Someone saved the page after the version the writer started from. */
export type PageConflict = { version: number; savedBy: string; savedAt: string };

/** What a page change returns: a refusal is a sentence for the person, with the fields it is about. */
export type PageWriteResult<Success extends object = object> =
  | ({ ok: true } & Success)
  | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: PageConflict };

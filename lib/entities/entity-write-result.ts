/** What an entity write returns: the refusal is a sentence for the person, with the fields it is about. */
export type EntityWriteResult<Success extends object = object> =
  | ({ ok: true } & Success)
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

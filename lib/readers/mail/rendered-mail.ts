/** A message ready for the outbox: subject, both bodies and the reader headers. */
export type RenderedMail = { subject: string; text: string; html: string; headers: Record<string, string> };

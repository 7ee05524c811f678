/** What the desk's section actions answer: a confirmation, or a sentence for the person with the fields it is about. */
export type SectionActionResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** A form's state: a refusal carries what was typed, so the form keeps it. */
export type SectionFormState = (SectionActionResult & { values?: Record<string, string> }) | null;

import { z } from 'zod';
import { MAX_ANCHOR_TEXT_LENGTH, MAX_NOTE_LENGTH } from './note-limits';
const MAX_POSITION = 50_000_000;

const position = z.number({ error: 'A passage position must be a whole number.' }).int().min(0).max(MAX_POSITION);

/** Where a thread is anchored: the passage's text and its positions in the document when written. */
export const noteAnchorSchema = z
  .object({
    text: z
      .string({ error: 'Select a passage to comment on.' })
      .min(1, 'Select a passage to comment on.')
      .max(MAX_ANCHOR_TEXT_LENGTH, `Select a shorter passage (at most ${MAX_ANCHOR_TEXT_LENGTH.toLocaleString('en')} characters) to comment on.`),
    from: position,
    to: position,
  })
  .refine((anchor) => anchor.to > anchor.from, { message: 'Select a passage to comment on.', path: ['to'] });

/** A note's text: plain text, kept as written apart from line endings and invisible control characters. */
export const noteBodySchema = z
  .string({ error: 'Write the note before sending it.' })
  .transform((body) => body.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write the note before sending it.')
      .max(MAX_NOTE_LENGTH, `Keep a note under ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; continue in a reply.`),
  );

export const newNoteSchema = z.object({
  body: noteBodySchema,
  anchor: noteAnchorSchema.nullish(),
  /** Replying: the note answered (a reply to a reply joins the same thread). */
  parentId: z.number({ error: 'That note does not exist.' }).int().positive().nullish(),
});

export type NewNoteInput = z.input<typeof newNoteSchema>;

export const noteChangeSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('resolve') }),
    z.object({ action: z.literal('reopen') }),
    z.object({ action: z.literal('detach') }),
    z.object({ action: z.literal('attach'), anchor: z.object({ from: position, to: position }).optional() }),
  ],
  { error: 'Say what to do with the thread: resolve, reopen, detach or attach.' },
);

export type NoteChange = z.infer<typeof noteChangeSchema>;

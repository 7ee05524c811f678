import { z } from 'zod';

const itemId = z.object({ client: z.number().int().min(0), clock: z.number().int().min(0) });

/** A Yjs relative position as `Y.relativePositionToJSON` writes it. */
const relativePosition = z.object({
  type: itemId.nullable().optional(),
  tname: z.string().max(64).nullable().optional(),
  item: itemId.nullable().optional(),
  assoc: z.number().int().min(-1).max(1).optional(),
});

/** Where a writer's caret and selection are, in positions that follow the shared text as it changes. */
export const collabCaretSchema = z.object({ anchor: relativePosition, head: relativePosition });
export type CollabCaret = z.infer<typeof collabCaretSchema>;

/** What an editor says about itself: its caret (null when the text does not have focus), or that it is closing. */
export const collabAwarenessSchema = z.object({
  origin: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'The editor sent a malformed window id; reload the page.'),
  caret: collabCaretSchema.nullable(),
  leaving: z.boolean().optional(),
});

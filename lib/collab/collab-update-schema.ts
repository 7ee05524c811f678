import { z } from 'zod';
import { collabCaretSchema } from './collab-awareness-schema';

/**
 * One Yjs update as an editor sends it: base64, with the editor's own id so its stream does not echo it back,
 * and where the writer's caret is after it when it moved with the change (typing moves both at once).
 */
export const collabUpdateSchema = z.object({
  update: z
    .string()
    .min(1, 'Send the change as a base64 Yjs update.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Send the change as a base64 Yjs update.')
    .transform((encoded) => new Uint8Array(Buffer.from(encoded, 'base64'))),
  origin: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'The editor sent a malformed window id; reload the page.'),
  caret: collabCaretSchema.nullable().optional(),
});

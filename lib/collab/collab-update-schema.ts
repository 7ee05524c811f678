import { z } from 'zod';

/** One Yjs update as an editor sends it: base64, with the editor's own id so its stream does not echo it back. */
export const collabUpdateSchema = z.object({
  update: z
    .string()
    .min(1, 'Send the change as a base64 Yjs update.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Send the change as a base64 Yjs update.')
    .transform((encoded) => new Uint8Array(Buffer.from(encoded, 'base64'))),
  origin: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'The editor sent a malformed window id; reload the page.'),
});

import { z } from 'zod';
import { MAX_SUGGEST_TEXT_CHARS, suggestEntities } from '@/lib/entities/suggest-entities';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const TOO_LONG = `The text is longer than ${MAX_SUGGEST_TEXT_CHARS.toLocaleString('en')} characters; ask for suggestions on a shorter part of it.`;

const suggestRequestSchema = z.object(
  {
    text: z
      .string({ error: 'Send the article text as a string in "text".' })
      .max(MAX_SUGGEST_TEXT_CHARS, TOO_LONG)
      .refine((text) => text.trim().length > 0, 'There is no text to suggest entities for.'),
  },
  { error: 'Send a JSON object like {"text": "…"}.' },
);

/** Entities the posted text mentions, known and new: `{ "text": "…" }` → `{ ok, known, candidates }`. */
export const POST = staffEndpoint({
  name: 'entity.suggest',
  permission: 'signed-in',
  // UTF-8 takes up to three bytes per UTF-16 unit, so a text within the character limit always fits.
  input: { body: suggestRequestSchema, maxBytes: MAX_SUGGEST_TEXT_CHARS * 3 + 1024, tooLarge: TOO_LONG },
  audit: 'read-only',
  run: ({ input }) => jsonAnswer({ ok: true, ...suggestEntities({ text: input.text }) }),
});

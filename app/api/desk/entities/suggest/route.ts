import { z } from 'zod';
import { MAX_SUGGEST_TEXT_CHARS, suggestEntities } from '@/lib/entities/suggest-entities';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

const TOO_LONG = `The text is longer than ${MAX_SUGGEST_TEXT_CHARS.toLocaleString('en')} characters; ask for suggestions on a shorter part of it.`;
// UTF-8 takes up to three bytes per UTF-16 unit, so a text within the character limit always fits.
const MAX_BODY_BYTES = MAX_SUGGEST_TEXT_CHARS * 3 + 1024;

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
export function POST(request: Request) {
  return staffRoute(async () => {
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES });
    if (!body.ok) return body.response.status === 413 ? jsonError(400, TOO_LONG) : body.response;
    const parsed = suggestRequestSchema.safeParse(body.value);
    if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Send a JSON object like {"text": "…"}.');
    return Response.json({ ok: true, ...suggestEntities({ text: parsed.data.text }) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

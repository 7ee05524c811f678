import { z } from 'zod';
import { ALERT_FREQUENCIES } from '@/db/schema';
import { subscriberEmailSchema } from './subscriber-email-schema';

export const MAX_FOLLOWS_PER_REQUEST = 50;

const checkbox = z
  .union([z.boolean(), z.enum(['on', 'true', '1', 'yes', 'false', '0', 'off', ''])])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true' || value === '1' || value === 'yes');

const entityIds = z
  .union([z.array(z.union([z.number(), z.string()])), z.number(), z.string()])
  .optional()
  .transform((value, context) => {
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const ids = list.filter((item) => item !== '').map((item) => Number(item));
    if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
      context.addIssue({ code: 'custom', message: 'Choose what to follow from the list.' });
      return z.NEVER;
    }
    return [...new Set(ids)];
  })
  .pipe(z.array(z.number()).max(MAX_FOLLOWS_PER_REQUEST, `Follow at most ${MAX_FOLLOWS_PER_REQUEST} at once.`));

/**
 * What the subscribe form, the small box and POST /api/subscribe send: an address, the issue email
 * or not, entities to follow, and how often alerts come. The same fields work as JSON or a form.
 */
export const subscribeInputSchema = z
  .object({
    email: subscriberEmailSchema,
    wantsIssueEmail: checkbox,
    follow: entityIds,
    alertFrequency: z.enum(ALERT_FREQUENCIES, { error: 'Choose instantly, daily or weekly.' }).optional().default('instant'),
  })
  .refine((input) => input.wantsIssueEmail || input.follow.length > 0, {
    message: 'Choose the issue email, something to follow, or both.',
    path: ['wantsIssueEmail'],
  });

export type SubscribeInput = z.output<typeof subscribeInputSchema>;

/** A form's fields as the schema reads them (`follow` may repeat). */
export function subscribeFormValues(form: FormData): Record<string, unknown> {
  return {
    email: form.get('email') ?? undefined,
    wantsIssueEmail: form.get('wantsIssueEmail') ?? undefined,
    follow: form.getAll('follow').map(String),
    alertFrequency: form.get('alertFrequency') || undefined,
  };
}

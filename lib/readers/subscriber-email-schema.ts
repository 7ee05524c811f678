import { z } from 'zod';

/** An email address as readers type it: trimmed, lower-cased, checked. */
export const subscriberEmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That address is too long.')
  .pipe(z.email({ error: 'Enter an email address like name@example.org.' }));

import 'server-only';
import { z } from 'zod';

export const CONTRIBUTOR_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A guest contributor as the form sends it; an empty slug is made from the name. */
export const contributorInputSchema = z.object({
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(120, 'Keep the name under 120 characters.'),
  slug: z
    .string()
    .trim()
    .max(80, 'Keep the slug under 80 characters.')
    .refine((value) => value === '' || CONTRIBUTOR_SLUG_PATTERN.test(value), 'Use lower-case letters, digits and single hyphens, e.g. jane-doe.')
    .optional()
    .default(''),
  bio: z.string().trim().max(2000, 'Keep the biography under 2,000 characters.').optional().default(''),
});

export type ContributorInput = z.infer<typeof contributorInputSchema>;

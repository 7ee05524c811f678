import 'server-only';
import { z } from 'zod';

export const SECTION_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A section as the form sends it; an empty slug is made from the name. */
export const sectionInputSchema = z.object({
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(80, 'Keep the name under 80 characters.'),
  slug: z
    .string()
    .trim()
    .max(60, 'Keep the slug under 60 characters.')
    .refine((value) => value === '' || SECTION_SLUG_PATTERN.test(value), 'Use lower-case letters, digits and single hyphens, e.g. book-reviews.')
    .optional()
    .default(''),
  description: z.string().trim().max(500, 'Keep the description under 500 characters.').optional().default(''),
});

export type SectionInput = z.infer<typeof sectionInputSchema>;

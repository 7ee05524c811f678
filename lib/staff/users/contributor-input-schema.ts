import 'server-only';
import { z } from 'zod';

export const CONTRIBUTOR_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slugField = z
  .string()
  .trim()
  .max(80, 'Keep the slug under 80 characters.')
  .refine((value) => value === '' || CONTRIBUTOR_SLUG_PATTERN.test(value), 'Use lower-case letters, digits and single hyphens, e.g. jane-doe.')
  .optional()
  .default('');

const affiliationField = z.string().trim().max(160, 'Keep the affiliation under 160 characters.').optional().default('');

/** A guest contributor as the form sends it; an empty slug is made from the name. */
export const contributorInputSchema = z.object({
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(120, 'Keep the name under 120 characters.'),
  slug: slugField,
  affiliation: affiliationField,
  bio: z.string().trim().max(2000, 'Keep the biography under 2,000 characters.').optional().default(''),
});

export type ContributorInput = z.infer<typeof contributorInputSchema>;

const guestName = z
  .string({ error: 'Enter the guest’s name.' })
  .trim()
  .min(1, 'Enter the guest’s name.')
  .min(2, 'Enter the full name, at least 2 characters.')
  .max(120, 'Keep the name under 120 characters.');

/** A guest added from the editor's byline: a name and, if known, where they work. */
export const guestContributorSchema = z.object({ name: guestName, affiliation: affiliationField });

/** What an editor may correct while approving a guest. */
export const guestReviewSchema = z.object({ name: guestName, affiliation: affiliationField, slug: slugField });

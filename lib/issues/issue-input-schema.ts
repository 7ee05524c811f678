import 'server-only';
import { z } from 'zod';

export const ISSUE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const wholeNumber = ({ label, max }: { label: string; max: number }) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(/^\d+$/, `The ${label} is a whole number, e.g. 8.`)
    .transform(Number)
    .pipe(z.number().int().min(1, `The ${label} starts at 1.`).max(max, `The ${label} is at most ${max}.`));

/**
 * An issue as the desk form sends it (every value a string). The editor's note arrives as the
 * editor's JSON text and is checked against the article schema by the caller; `status` offers
 * only the planning states, since publication is its own step.
 */
export const issueInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, 'Enter a slug, e.g. 2025-04.')
    .max(60, 'Keep the slug under 60 characters.')
    .regex(ISSUE_SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, e.g. 2025-04.'),
  title: z.string().trim().min(1, 'Enter a title, e.g. April 2025.').max(120, 'Keep the title under 120 characters.'),
  volume: wholeNumber({ label: 'volume', max: 999 }),
  number: wholeNumber({ label: 'number', max: 99 }),
  coverMonth: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose the month on the cover.'),
  plannedPublicationDate: z
    .string()
    .trim()
    .refine((value) => value === '' || z.iso.date().safeParse(value).success, 'Use a real date written as YYYY-MM-DD, or leave it empty.')
    .optional()
    .default(''),
  coverMediaId: z
    .string()
    .trim()
    .regex(/^\d*$/, 'Choose an image from the library, or none.')
    .optional()
    .default(''),
  editorsNoteBody: z.string().max(1_000_000, 'The editor’s note is too long; keep it to a page or two.').optional().default(''),
  status: z.enum(['planning', 'ready'], { error: 'Choose planning or ready.' }).optional(),
  /** The access new articles placed in the issue start with; empty: public. */
  defaultAccess: z.enum(['', 'public', 'registered', 'members'], { error: 'Choose public, registered or members as the default access.' }).optional().default(''),
  /** Months after the cover month when the issue's gated articles become public; empty: never. */
  archiveFreeAfterMonths: z
    .string()
    .trim()
    .regex(/^\d*$/, 'Write the number of months as a whole number, e.g. 12, or leave it empty to keep articles gated.')
    .refine((value) => value === '' || (Number(value) >= 1 && Number(value) <= 600), 'The number of months is from 1 to 600, or empty to keep articles gated.')
    .optional()
    .default(''),
});

export type IssueInput = z.infer<typeof issueInputSchema>;

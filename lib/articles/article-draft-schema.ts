import { z } from 'zod';
import { ACCESS_LEVELS } from '@/db/schema/access-levels';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SEO_TITLE_RECOMMENDED = 60;
export const SEO_DESCRIPTION_RECOMMENDED = 160;

const optionalId = z.number().int().positive().nullable();

/** The full editable state of an article, as the editor sends it with every save. */
export const articleDraftSchema = z.object({
  title: z.string().trim().min(1, 'Give the article a title.').max(300, 'Keep the title under 300 characters.'),
  dek: z.string().trim().max(600, 'Keep the dek under 600 characters.'),
  slug: z
    .string()
    .trim()
    .min(1, 'The slug cannot be empty.')
    .max(120, 'Keep the slug under 120 characters.')
    .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens in the slug (e.g. "new-start-expires").'),
  body: z.unknown(),
  sectionId: optionalId,
  issueId: optionalId,
  authorContributorIds: z.array(z.number().int().positive()).max(12, 'An article can have at most 12 authors.'),
  seoTitle: z.string().trim().max(200, 'Keep the SEO title under 200 characters.'),
  seoDescription: z.string().trim().max(500, 'Keep the SEO description under 500 characters.'),
  featuredMediaId: optionalId,
  /** Tags added by hand; mentions in the text are tags of their own. Left out: keep the current ones. */
  manualEntityIds: z.array(z.number().int().positive()).max(100, 'An article can have at most 100 hand-added tags.').optional(),
  /** Who may read the whole body once published; left out: keep the current level. */
  access: z.enum(ACCESS_LEVELS, { message: 'Choose who may read the article: public, registered, members or chosen tiers.' }).optional(),
  /** The tiers, when `access` is `tiers`. */
  accessTierIds: z.array(z.number().int().positive()).max(50, 'Choose at most 50 tiers.').optional(),
});

export type ArticleDraft = z.infer<typeof articleDraftSchema>;

export const SAVE_REASONS = ['autosave', 'save', 'conflict'] as const;
export type SaveReason = (typeof SAVE_REASONS)[number];

export const saveRequestSchema = articleDraftSchema.extend({
  baseVersion: z.number().int().positive(),
  reason: z.enum(SAVE_REASONS),
  /** A random id per open editor, so a conflict can tell "your other tab" from another person. */
  editorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'The editor sent a malformed window id; reload the page.')
    .optional(),
});

export type SaveRequest = z.infer<typeof saveRequestSchema>;

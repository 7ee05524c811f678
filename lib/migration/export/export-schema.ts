import { z } from 'zod';
import {
  ACCESS_LEVELS,
  ARTICLE_ENTITY_SOURCES,
  ARTICLE_STATUSES,
  CONTRIBUTOR_REVIEW_STATUSES,
  CORRECTION_KINDS,
  ENTITY_KINDS,
  ENTITY_STATUSES,
  ISSUE_STATUSES,
  MEMBERSHIP_SOURCES,
  MEMBERSHIP_STATUSES,
  NAVIGATION_MENUS,
  PAGE_STATUSES,
  REDIRECT_ORIGINS,
  REVISION_REASONS,
} from '@/db/schema';

/**
 * The Masthead export document (`masthead-export.json`): everything a new install needs to show the same
 * public site, with every record's id kept so links between records survive. Staff accounts, password
 * hashes and secrets are not part of it; staff appear only as the contributors named in bylines.
 * `docs/export-schema.json` is generated from these schemas (`npm run export:schema`).
 */
export const EXPORT_SCHEMA_VERSION = 1;

const id = z.number().int().positive();
const moment = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC');
const optionalMoment = moment.nullable();
/** ProseMirror JSON as the editor saves it; validated against the content schema on import. */
const richText = z.looseObject({ type: z.string() }).describe('A ProseMirror document (JSON) in the Masthead content schema');

export const exportedSettingsSchema = z.object({
  siteName: z.string(),
  timeZone: z.string(),
  linkedEntityKinds: z.array(z.enum(ENTITY_KINDS)),
});

export const exportedSectionSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  position: z.number().int(),
  createdAt: moment,
});

export const exportedContributorSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  bio: z.string(),
  affiliation: z.string(),
  reviewStatus: z.enum(CONTRIBUTOR_REVIEW_STATUSES),
  /** True when the contributor was a staff member here; the account itself is not exported. */
  wasStaff: z.boolean(),
  createdAt: moment,
});

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const exportedEntitySchema = z.object({
  id,
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  facts: z.record(z.string(), factValue),
  wikidataId: z.string().nullable(),
  status: z.enum(ENTITY_STATUSES),
  aliases: z.array(z.object({ id, alias: z.string(), normalized: z.string() })),
  /** Old addresses (after a merge or a slug change) that lead here. */
  redirects: z.array(z.object({ kind: z.enum(ENTITY_KINDS), slug: z.string(), createdAt: moment })),
  /** Ids of entities merged into this one. */
  mergedIds: z.array(z.object({ oldId: id, createdAt: moment })),
  createdAt: moment,
  updatedAt: moment,
});

export const exportedIssueSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  volume: z.number().int(),
  number: z.number().int(),
  coverDate: z.string(),
  editorsNote: z.string(),
  editorsNoteBody: richText.nullable(),
  coverMediaId: id.nullable(),
  plannedPublicationDate: z.string().nullable(),
  status: z.enum(ISSUE_STATUSES),
  publishedAt: optionalMoment,
  isEmailWanted: z.boolean(),
  /** The access new articles of the issue start with; null: public. */
  defaultAccess: z.enum(ACCESS_LEVELS).nullable().default(null),
  /** Gated articles of the issue become public this many months after the cover month; null: never. */
  archiveFreeAfterMonths: z.number().int().nullable().default(null),
  /** The table of contents: article ids in reading order (by section, then position). */
  articleIds: z.array(id),
  createdAt: moment,
  updatedAt: moment,
});

export const exportedMediaSchema = z.object({
  id,
  originalName: z.string(),
  mimeType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  storageKey: z.string(),
  /** Relative to the export's `media/` folder. */
  originalPath: z.string(),
  variants: z.array(
    z.object({ width: z.number().int(), height: z.number().int(), format: z.enum(['webp', 'jpeg', 'png', 'gif', 'avif']), path: z.string(), bytes: z.number().int() }),
  ),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  createdAt: moment,
});

export const exportedRevisionSchema = z.object({
  id,
  version: z.number().int(),
  slug: z.string(),
  title: z.string(),
  dek: z.string(),
  body: richText,
  bodyText: z.string(),
  wordCount: z.number().int(),
  meta: z.object({
    sectionId: id.nullable().optional(),
    issueId: id.nullable().optional(),
    authorContributorIds: z.array(id).optional(),
    seoTitle: z.string().optional(),
    seoDescription: z.string().optional(),
    featuredMediaId: id.nullable().optional(),
    entityIds: z.array(id).optional(),
  }),
  reason: z.enum(REVISION_REASONS),
  note: z.string(),
  createdAt: moment,
  updatedAt: z.number().int().describe('Milliseconds since the epoch'),
});

export const exportedArticleSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  dek: z.string(),
  body: richText,
  bodyText: z.string(),
  wordCount: z.number().int(),
  excerpt: z.string(),
  seoTitle: z.string(),
  seoDescription: z.string(),
  featuredMediaId: id.nullable(),
  sectionId: id.nullable(),
  issueId: id.nullable(),
  issuePosition: z.number().int(),
  status: z.enum(ARTICLE_STATUSES),
  version: z.number().int(),
  publishedRevisionId: id.nullable(),
  firstPublishedAt: optionalMoment,
  publishedAt: optionalMoment,
  modifiedAt: optionalMoment,
  publishedSectionId: id.nullable(),
  publishedIssueId: id.nullable(),
  scheduledFor: optionalMoment,
  embargoedUntil: optionalMoment,
  unpublishedAt: optionalMoment,
  /** Who may read the whole body, in the working copy and as published; tier ids when `tiers`. */
  access: z.enum(ACCESS_LEVELS).default('public'),
  accessTierIds: z.array(id).default([]),
  publishedAccess: z.enum(ACCESS_LEVELS).default('public'),
  publishedAccessTierIds: z.array(id).default([]),
  createdAt: moment,
  updatedAt: moment,
  /** The working copy's byline, in order. */
  authorIds: z.array(id),
  /** The published snapshot's byline, in order. */
  publishedAuthorIds: z.array(id),
  entityTags: z.array(z.object({ entityId: id, source: z.enum(ARTICLE_ENTITY_SOURCES) })),
  publishedEntityIds: z.array(id),
  /** The revisions public pages read: the published snapshot and those the corrections name. */
  revisions: z.array(exportedRevisionSchema),
  corrections: z.array(z.object({ id, revisionId: id.nullable(), kind: z.enum(CORRECTION_KINDS), note: z.string(), createdAt: moment })),
  /** Earlier slugs; each redirects to the current one. */
  slugHistory: z.array(z.object({ slug: z.string(), createdAt: moment })),
});

export const exportedPageSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  body: richText,
  seoDescription: z.string(),
  status: z.enum(PAGE_STATUSES),
  version: z.number().int(),
  publishedTitle: z.string().nullable(),
  publishedBody: richText.nullable(),
  publishedAt: optionalMoment,
  createdAt: moment,
  updatedAt: moment,
});

export const exportedNavigationItemSchema = z.object({
  id,
  menu: z.enum(NAVIGATION_MENUS),
  label: z.string(),
  href: z.string(),
  position: z.number().int(),
  createdAt: moment,
});

export const exportedRedirectSchema = z.object({
  id,
  fromPath: z.string(),
  toPath: z.string(),
  origin: z.enum(REDIRECT_ORIGINS),
  hits: z.number().int(),
  lastHitAt: optionalMoment,
  createdAt: moment,
});

export const exportedTierSchema = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Smallest currency unit (cents); null: not offered for that period. */
  monthlyPriceCents: z.number().int().nullable(),
  yearlyPriceCents: z.number().int().nullable(),
  currency: z.string(),
  benefits: z.array(z.string()),
  /** The payment provider's price ids, so checkout and webhooks go on working on the new install. */
  providerMonthlyPriceId: z.string().nullable(),
  providerYearlyPriceId: z.string().nullable(),
  isActive: z.boolean(),
  position: z.number().int(),
  createdAt: moment,
  updatedAt: moment,
});

/** A reader's membership, tied to the reader by address (the row of `subscribers.csv`). */
export const exportedMembershipSchema = z.object({
  email: z.string(),
  tierId: id,
  source: z.enum(MEMBERSHIP_SOURCES),
  status: z.enum(MEMBERSHIP_STATUSES),
  startsAt: moment,
  endsAt: optionalMoment,
  providerCustomerId: z.string().nullable(),
  providerSubscriptionId: z.string().nullable(),
  providerUpdatedAt: z.number().int().nullable().describe('Milliseconds since the epoch'),
  note: z.string(),
  createdAt: moment,
});

export const exportedInstitutionSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  tierId: id.nullable(),
  seats: z.number().int().nullable(),
  startsAt: moment,
  endsAt: optionalMoment,
  contactEmail: z.string(),
  note: z.string(),
  /** IPv4 and IPv6 ranges as written on the desk (`192.0.2.0/24`); checked again on import. */
  ipRanges: z.array(z.string()),
  domains: z.array(z.string()),
  createdAt: moment,
});

export const mastheadExportSchema = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    exportedAt: moment,
    generator: z.literal('masthead'),
    settings: exportedSettingsSchema,
    sections: z.array(exportedSectionSchema),
    contributors: z.array(exportedContributorSchema),
    entities: z.array(exportedEntitySchema),
    media: z.array(exportedMediaSchema),
    issues: z.array(exportedIssueSchema),
    articles: z.array(exportedArticleSchema),
    pages: z.array(exportedPageSchema),
    navigation: z.array(exportedNavigationItemSchema),
    redirects: z.array(exportedRedirectSchema),
    tiers: z.array(exportedTierSchema).default([]),
    memberships: z.array(exportedMembershipSchema).default([]),
    institutions: z.array(exportedInstitutionSchema).default([]),
    /** Files beside this document: `subscribers.csv`, `redirects.csv`, `media/…`, `wordpress.xml`. */
    files: z.object({ subscribers: z.string(), redirects: z.string(), media: z.string(), wordpress: z.string().optional() }),
  })
  .describe('A Masthead magazine: its public site, for a new install or another system');

export type MastheadExport = z.infer<typeof mastheadExportSchema>;
export type ExportedArticle = z.infer<typeof exportedArticleSchema>;

export const EXPORT_JSON_SCHEMA_FILE = 'docs/export-schema.json';

/** The published JSON Schema of the export document, as committed (two-space JSON, one trailing newline). */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

/** The published JSON Schema of the export document. */
export function exportJsonSchema(): Record<string, unknown> {
  return { title: 'Masthead export', ...z.toJSONSchema(mastheadExportSchema, { target: 'draft-2020-12' }) };
}

export const SUBSCRIBER_CSV_COLUMNS = ['email', 'name', 'status', 'wants_issue_email', 'alert_frequency', 'confirmed_at', 'unsubscribed_at', 'created_at'] as const;
export const REDIRECT_CSV_COLUMNS = ['from', 'to', 'origin', 'hits'] as const;

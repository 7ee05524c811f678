/** Shapes of the demo magazine's hand-written content; scripts/seed.ts turns them into rows. */

export type SeedEntityKind = 'treaty' | 'organization' | 'person' | 'topic';

export type SeedFactValue = string | number | boolean | null;

export type SeedEntity = {
  kind: SeedEntityKind;
  name: string;
  /** Lower-case, hyphenated, unique per kind: `/treaties/mine-ban-treaty`. */
  slug: string;
  aliases: string[];
  /** One or two sentences in our own words. */
  description: string;
  /**
   * Kind-specific facts.
   * treaty: openedForSignature, entryIntoForce (ISO dates or null), depositary, statesParties, statesPartiesAsOf
   * organization: acronym, type ("intergovernmental" | "nongovernmental" | "alliance" | "un-body" | ...), founded (year)
   * person: role, affiliation, country (ISO 3166 alpha-2 code)
   * topic: (none required)
   */
  facts: Record<string, SeedFactValue>;
  wikidataId?: string;
};

/** Inline text may use **bold**, *italic* and [link text](https://… or /site-path). */
export type SeedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'bulletList'; items: string[] }
  | { type: 'orderedList'; items: string[] }
  | { type: 'blockquote'; text: string }
  /** Where a gated article's public part ends. */
  | { type: 'membersStart' };

export type SeedSectionSlug = 'news' | 'features' | 'analysis' | 'book-reviews';

export type SeedIssueSlug = '2025-05' | '2025-04' | '2025-03' | '2025-01';

export type SeedArticle = {
  slug: string;
  title: string;
  dek: string;
  section: SeedSectionSlug;
  issue: SeedIssueSlug;
  /** Keys of SEED_CONTRIBUTORS, in byline order. */
  authors: string[];
  /** Where it stands in the workflow; published unless said otherwise. */
  status?: 'published' | 'approved' | 'in_review' | 'draft';
  /** ISO date-time of first publication (for an unpublished article, of its last save). */
  publishedAt: string;
  body: SeedBlock[];
  /** Who may read the whole body; public unless said otherwise (`tiers`: the demo Member tier only). */
  access?: 'public' | 'registered' | 'members' | 'tiers';
  /** Tagged entities as `kind:slug`, e.g. `country:estonia`, `treaty:mine-ban-treaty`, `person:donald-tusk`. */
  entities: string[];
  /** Every place the text names a tagged entity is a mention, not only the first. */
  isEveryMentionTagged?: boolean;
};

export type SeedContributor = {
  key: string;
  name: string;
  slug: string;
  bio: string;
  /** Demo staff account this contributor signs in as, if any. */
  staffEmail?: string;
};

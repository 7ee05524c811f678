/**
 * What every importer reads its source into, and what the one import writer turns into Masthead
 * records. A reader (WordPress WXR, Ghost JSON, subscriber CSV) knows its format and nothing of the
 * database; the writer knows the database and nothing of the formats.
 */

export type ImportWarning = { item: string; message: string };

/** Where a source item lived before: each answers 301 to its new page once imported. Absolute URLs or site-relative paths (`/?p=12` included). */
export type OldUrls = string[];

export type ImportedAuthor = {
  kind: 'author';
  sourceId: string;
  name: string;
  slug: string;
  email?: string;
  bio?: string;
  oldUrls: OldUrls;
};

/** WordPress categories. */
export type ImportedSection = {
  kind: 'section';
  sourceId: string;
  name: string;
  slug: string;
  description?: string;
  oldUrls: OldUrls;
};

/** WordPress tags and Ghost tags: matched to an entity by name or alias, otherwise a new topic waiting for an editor. */
export type ImportedTag = {
  kind: 'tag';
  sourceId: string;
  name: string;
  slug: string;
  description?: string;
  /** Ghost's `#internal` tags: kept out of everything readers see. */
  isInternal?: boolean;
  oldUrls: OldUrls;
};

/** An image in the source's library (a WordPress attachment). */
export type ImportedMedia = {
  kind: 'media';
  sourceId: string;
  url: string;
  alt: string;
  caption: string;
  title?: string;
};

export type ImportedImageRef = { mediaSourceId?: string; url?: string; alt?: string; caption?: string };

export type ImportedEntryStatus = 'published' | 'scheduled' | 'draft' | 'in_review';

/** A membership tier named by the source; matched here by name, created (with what the source says of it) when missing. */
export type ImportedTier = { name: string; description: string; monthlyPriceCents: number | null; yearlyPriceCents: number | null; currency: string | null };

/**
 * Who may read a post's whole body at its source, in this site's terms: any signed-in reader
 * (`registered`), any member, or members of the given tiers.
 */
export type ImportedAccess = { level: 'registered' | 'members' | 'tiers'; tiers: ImportedTier[] };

/** A post (→ article) or a page (→ standalone page). */
export type ImportedEntry = {
  kind: 'post' | 'page';
  sourceId: string;
  title: string;
  slug: string;
  status: ImportedEntryStatus;
  /**
   * Why an entry that was not public at its source must not become public here (private, in the
   * trash, password-protected, members-only): it is imported as a draft and the report says why.
   */
  notPublicBecause?: string;
  /** For posts readable only by some readers at the source; absent when anyone could read it. */
  access?: ImportedAccess;
  /** The body as HTML after the reader's own conversion (autop, shortcodes, blocks, Lexical, Mobiledoc). */
  html: string;
  dek: string;
  seoTitle?: string;
  seoDescription?: string;
  /** Bylines in order. */
  authorSourceIds: string[];
  sectionSourceIds: string[];
  tagSourceIds: string[];
  featuredImage?: ImportedImageRef;
  /** GMT. For a scheduled entry, when it is due. */
  publishedAt?: Date;
  createdAt?: Date;
  modifiedAt?: Date;
  oldUrls: OldUrls;
  /** What the reader dropped or could not convert (an unknown shortcode or block, a script, an iframe). */
  warnings: ImportWarning[];
};

export type ImportedMenuTarget =
  | { kind: 'post' | 'page' | 'section' | 'tag'; sourceId: string }
  | { kind: 'url'; url: string };

export type ImportedMenuItem = {
  kind: 'menu-item';
  sourceId: string;
  menu: 'header' | 'footer';
  label: string;
  target: ImportedMenuTarget;
  position: number;
};

export type ImportedSubscriberStatus = 'confirmed' | 'unsubscribed' | 'pending';

export type ImportedSubscriber = {
  kind: 'subscriber';
  /** The address as given; the writer validates, lower-cases and reports what is invalid or repeated. */
  email: string;
  name: string;
  status: ImportedSubscriberStatus;
  createdAt?: Date;
  /** Ghost labels or Mailchimp tags, kept for the report. */
  labels?: string[];
  /** Ghost tiers the member belongs to, by name: each becomes an imported membership. */
  tiers?: string[];
  /** Ghost's complimentary plan: a member without a tier gets the Complimentary tier. */
  isComplimentary?: boolean;
  /** Where in the file, for the report (`line 14`). */
  where: string;
};

export type ImportItem =
  | ImportedAuthor
  | ImportedSection
  | ImportedTag
  | ImportedMedia
  | ImportedEntry
  | ImportedMenuItem
  | ImportedSubscriber;

/**
 * A source opened for reading. `items()` yields everything in dependency order (authors, sections,
 * tags, media, then posts and pages, then menu items), so an entry's references are written before it.
 * It can be called more than once (a dry run, then the real run), and streams: the file is never held whole.
 */
export type ImportSourceReader = {
  /** Names the source site, so two sites' item ids never collide in the source map (`wordpress:https://old.example.org`). */
  source: string;
  /** The site's own address, to turn absolute old URLs into paths on this site. */
  siteUrl?: string;
  /** How many items `items()` will yield, for the progress bar. */
  countItems(): Promise<number>;
  items(): AsyncGenerator<ImportItem>;
  /** Problems with the file as a whole (not with one item). */
  warnings: ImportWarning[];
};

import type { JSONContent } from '@tiptap/core';
import { SEO_DESCRIPTION_RECOMMENDED, SEO_TITLE_RECOMMENDED } from './article-draft-schema';
import type { AccessLevel } from './access-level';
import type { WorkflowAction } from './workflow';

export type PreflightProblem = {
  /** Stable key, e.g. `dek`, `image-alt`, `internal-link`. */
  code: string;
  /** What is wrong and what to do, in one sentence. */
  message: string;
  /** The editor field to go to, when there is one. */
  field?: 'title' | 'dek' | 'slug' | 'authors' | 'section' | 'tags' | 'body' | 'seoTitle' | 'seoDescription' | 'featuredImage' | 'access';
  /** The open note thread the problem is about, which resolving clears. */
  noteId?: number;
  /** Blocks approving, scheduling and publishing, but not submitting for review (where notes get answered). */
  isForApprovalOnly?: boolean;
};

export type PreflightReport = {
  blocking: PreflightProblem[];
  warnings: PreflightProblem[];
  /** Who will be able to read the whole article once published, in one sentence. */
  access?: string;
};

/** The working copy's access level, with the names of the tiers it names that still exist. */
export type PreflightAccess = { level: AccessLevel; tierNames: string[]; missingTierCount: number; hasMarker: boolean };

/** The working copy as the checklist sees it. */
export type PreflightInput = {
  title: string;
  dek: string;
  slug: string;
  body: JSONContent;
  wordCount: number;
  authorCount: number;
  hasSection: boolean;
  entityTagCount: number;
  seoTitle: string;
  seoDescription: string;
  hasFeaturedImage: boolean;
  /** Editorial note threads nobody has resolved yet, oldest first. */
  openNotes: { id: number; excerpt: string; authorName: string | null }[];
  access?: PreflightAccess;
};

export type LinkVerdict = 'ok' | 'missing' | 'unpublished';

/** What the checklist needs to ask the database, so the checks themselves stay pure. */
export type PreflightLookups = {
  isSlugTaken: (slug: string) => boolean;
  internalLink: (path: string) => LinkVerdict;
};

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHORT_ARTICLE_WORDS = 150;

/**
 * The publish checklist, computed from the working copy by this one function: the live panel,
 * submit and publish all use it, so what the panel shows is what the server enforces.
 */
export function checkArticle(input: PreflightInput, lookups: PreflightLookups): PreflightReport {
  const blocking: PreflightProblem[] = [];
  const warnings: PreflightProblem[] = [];
  if (!input.title.trim()) blocking.push({ code: 'title', field: 'title', message: 'Give the article a title.' });
  if (!input.dek.trim()) blocking.push({ code: 'dek', field: 'dek', message: 'Write a dek: one sentence on why this matters.' });
  if (input.authorCount === 0) blocking.push({ code: 'authors', field: 'authors', message: 'Add at least one author to the byline.' });
  if (!input.hasSection) blocking.push({ code: 'section', field: 'section', message: 'Choose a section.' });
  if (!SLUG_PATTERN.test(input.slug)) {
    blocking.push({ code: 'slug', field: 'slug', message: 'The slug may hold only lower-case letters, digits and single hyphens.' });
  } else if (lookups.isSlugTaken(input.slug)) {
    blocking.push({ code: 'slug', field: 'slug', message: `The slug "${input.slug}" is used by another article; choose another.` });
  }
  if (input.entityTagCount === 0) blocking.push({ code: 'tags', field: 'tags', message: 'Tag at least one country, treaty, person, organization or topic.' });

  const walk = walkBody(input.body);
  if (walk.figuresWithoutAlt > 0) {
    blocking.push({
      code: 'image-alt',
      field: 'body',
      message: walk.figuresWithoutAlt === 1 ? 'An image has no alt text; describe it for readers who cannot see it.' : `${walk.figuresWithoutAlt} images have no alt text; describe each for readers who cannot see them.`,
    });
  }
  for (const path of walk.internalLinks) {
    const verdict = lookups.internalLink(path);
    if (verdict === 'missing') blocking.push({ code: 'internal-link', field: 'body', message: `The link to ${path} points to nothing on this site; fix or remove it.` });
    if (verdict === 'unpublished') warnings.push({ code: 'internal-link-unpublished', field: 'body', message: `The link to ${path} points to an article that is not published yet.` });
  }
  if (walk.emptyTrailingBlocks > 0) {
    blocking.push({
      code: 'empty-trailing-blocks',
      field: 'body',
      message: walk.emptyTrailingBlocks === 1 ? 'The text ends with an empty paragraph; delete it.' : `The text ends with ${walk.emptyTrailingBlocks} empty paragraphs; delete them.`,
    });
  }
  if (walk.isEmpty) blocking.push({ code: 'body', field: 'body', message: 'The article has no text yet.' });
  for (const note of input.openNotes) {
    const by = note.authorName ? ` by ${note.authorName}` : '';
    blocking.push({ code: 'open-note', noteId: note.id, isForApprovalOnly: true, message: `Resolve the open note${by}: “${note.excerpt}”` });
  }

  if (input.seoDescription.length > SEO_DESCRIPTION_RECOMMENDED) {
    blocking.push({
      code: 'seo-description',
      field: 'seoDescription',
      message: `The SEO description is ${input.seoDescription.length} characters; search engines cut it after ${SEO_DESCRIPTION_RECOMMENDED}. Shorten it.`,
    });
  } else if (!input.seoDescription.trim()) {
    warnings.push({ code: 'seo-description-missing', field: 'seoDescription', message: 'No SEO description: search engines will quote the dek instead.' });
  }
  if (input.seoTitle.length > SEO_TITLE_RECOMMENDED) {
    warnings.push({ code: 'seo-title', field: 'seoTitle', message: `The SEO title is ${input.seoTitle.length} characters; search engines show about ${SEO_TITLE_RECOMMENDED}.` });
  }
  if (!input.hasFeaturedImage) warnings.push({ code: 'featured-image', field: 'featuredImage', message: 'No featured image: shared links will show no picture.' });
  if (!walk.isEmpty && input.wordCount < SHORT_ARTICLE_WORDS) warnings.push({ code: 'short', field: 'body', message: `The article is only ${input.wordCount} words long.` });
  if (!input.access) return { blocking, warnings };
  const { level, tierNames, missingTierCount, hasMarker } = input.access;
  if (level === 'tiers' && tierNames.length === 0) {
    blocking.push({ code: 'access-tiers', field: 'access', message: 'Choose at least one tier whose members may read the article, or pick another access level.' });
  } else if (missingTierCount > 0) {
    warnings.push({ code: 'access-tiers-missing', field: 'access', message: 'A tier chosen for this article no longer exists; its members will not get in.' });
  }
  if (level !== 'public' && !hasMarker) {
    warnings.push({ code: 'access-marker', field: 'body', message: 'No “Members’ content starts here” marker: readers without access will see the first two paragraphs.' });
  }
  return { blocking, warnings, access: accessSentence({ level, tierNames }) };
}

function accessSentence({ level, tierNames }: { level: AccessLevel; tierNames: string[] }): string {
  if (level === 'public') return 'Public: everyone can read the whole article.';
  if (level === 'registered') return 'Registered: signed-in readers can read the whole article; others see the public part.';
  if (level === 'members') return 'Members: members and readers at a subscribing institution can read the whole article; others see the public part.';
  return `Chosen tiers (${tierNames.join(', ') || 'none'}): only their members can read the whole article; others see the public part.`;
}

/** The problems that stop this workflow move: all blocking ones, except that open notes do not stop a submission. */
export function blockingFor({ report, action }: { report: PreflightReport; action: WorkflowAction }): PreflightProblem[] {
  if (action !== 'submit') return report.blocking;
  return report.blocking.filter((problem) => !problem.isForApprovalOnly);
}

/** The site-relative path of a link, or null for outside links (`mailto:`, `https://…`) and bare anchors. */
export function internalPathOf(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  const path = href.split(/[?#]/)[0] ?? '';
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

function walkBody(body: JSONContent): { figuresWithoutAlt: number; internalLinks: string[]; emptyTrailingBlocks: number; isEmpty: boolean } {
  let figuresWithoutAlt = 0;
  const internalLinks = new Set<string>();
  let hasContent = false;
  const visit = (node: JSONContent) => {
    if (node.type === 'figure') {
      hasContent = true;
      if (typeof node.attrs?.alt !== 'string' || !node.attrs.alt.trim()) figuresWithoutAlt += 1;
    }
    if (node.type === 'text' && node.text?.trim()) hasContent = true;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link' && typeof mark.attrs?.href === 'string') {
        const path = internalPathOf(mark.attrs.href);
        if (path) internalLinks.add(path);
      }
    }
    node.content?.forEach(visit);
  };
  visit(body);
  const blocks = body.content ?? [];
  let emptyTrailingBlocks = 0;
  for (let index = blocks.length - 1; index >= 0 && hasContent; index -= 1) {
    if (!isEmptyBlock(blocks[index]!)) break;
    emptyTrailingBlocks += 1;
  }
  return { figuresWithoutAlt, internalLinks: [...internalLinks], emptyTrailingBlocks, isEmpty: !hasContent };
}

function isEmptyBlock(node: JSONContent): boolean {
  if (node.type !== 'paragraph' && node.type !== 'heading') return false;
  return (node.content ?? []).every((child) => child.type === 'text' && !child.text?.trim()) || (node.content ?? []).every((child) => child.type === 'hardBreak');
}

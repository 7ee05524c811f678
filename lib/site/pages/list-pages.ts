import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages, type Page, type PageStatus } from '@/db/schema';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { PAGE_GONE } from './save-page';

export type PageListing = {
  id: number;
  slug: string;
  title: string;
  status: PageStatus;
  /** Published, and the saved working copy differs from what readers see. */
  hasUnpublishedChanges: boolean;
  updatedAt: Date;
  publishedAt: Date | null;
};

/** Every page for the desk, by title. */
export function listPages(): PageListing[] {
  return getDb()
    .select()
    .from(pages)
    .orderBy(asc(pages.title), asc(pages.id))
    .all()
    .map(toListing);
}

function toListing(page: Page): PageListing {
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    status: page.status,
    hasUnpublishedChanges: page.status === 'published' && (page.title !== page.publishedTitle || page.publishedBody === null || stableJsonKey(page.body) !== stableJsonKey(page.publishedBody)),
    updatedAt: page.updatedAt,
    publishedAt: page.publishedAt,
  };
}

export type EditablePage = PageListing & { version: number; seoDescription: string; body: JSONContent };

/** The working copy the desk editor opens. */
export function getPageForEdit(id: number): EditablePage {
  const page = getDb().select().from(pages).where(eq(pages.id, id)).get();
  if (!page) throw new NotFoundError(PAGE_GONE);
  return { ...toListing(page), version: page.version, seoDescription: page.seoDescription, body: page.body };
}

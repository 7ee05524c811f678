import 'server-only';
import { eq, max } from 'drizzle-orm';
import { contributors, entities, sections } from '@/db/schema';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { entityPath } from '@/lib/entities/entity-path';
import { findEntitySlugConflict } from '@/lib/entities/find-entity-slug-conflict';
import { getKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { findContributorByName } from '@/lib/staff/users/find-contributor-by-name';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { claim, contentHash, findMapped, plannedClaim, recordMapped, warn, type ImportContext, type ImportTx, type ItemOutcome } from './import-context';
import type { ImportedAuthor, ImportedSection, ImportedTag } from './import-model';
import { importedSlug, unusableSlugMessage } from './imported-slug';
import { writeRedirects } from './write-redirects';

/** Kept on the source map for people and terms that were already here: the import links to them and never edits them. */
const MATCHED = ':matched';

/** An author becomes a contributor: an existing one with the same address or name, otherwise an approved guest without a staff account. */
export function writeAuthor(tx: ImportTx, context: ImportContext, item: ImportedAuthor): ItemOutcome {
  const name = item.name.trim();
  if (name === '') throw new InvalidInputError('This author has no name, so no byline can carry them.');
  const hash = contentHash(item);
  const seen = revisit(tx, context, { sourceKind: 'author', sourceId: item.sourceId, hash }, (id) => {
    tx.update(contributors).set({ name, bio: item.bio ?? '' }).where(eq(contributors.id, id)).run();
    context.changed.contributorIds.add(id);
  });
  if (seen) return seen;
  // Only a slug of the author's own may match someone here: a made-up one would join two strangers.
  const { wanted: slugWanted, isNamed } = importedSlug({ slug: item.slug, name, kind: 'contributor', sourceId: item.sourceId });
  const existing =
    (isNamed ? tx.select({ id: contributors.id, slug: contributors.slug }).from(contributors).where(eq(contributors.slug, slugWanted)).get() : undefined) ??
    matchByName(tx, name);
  const plannedSlug = plannedClaim(context, 'contributor-name', normalizeAlias(name)) ?? (isNamed ? plannedClaim(context, 'contributor-slug', slugWanted) : undefined);
  if (existing || plannedSlug !== undefined) {
    const slug = existing?.slug ?? plannedSlug!;
    if (existing) recordMapped(tx, context, { sourceKind: 'author', sourceId: item.sourceId, targetKind: `contributor${MATCHED}`, targetId: existing.id, hash, path: `/authors/${slug}` });
    else claim(context, 'source', `author:${item.sourceId}`, `/authors/${slug}`);
    writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/authors/${slug}` });
    return 'unchanged';
  }
  const slug = freeValue(slugWanted, (candidate) => Boolean(tx.select({ id: contributors.id }).from(contributors).where(eq(contributors.slug, candidate)).get()) || plannedClaim(context, 'contributor-slug', candidate) !== undefined);
  const row = tx
    .insert(contributors)
    .values({ name, slug, bio: item.bio ?? '', reviewStatus: 'approved', addedBy: context.actorId, userId: null })
    .returning({ id: contributors.id })
    .get();
  claim(context, 'contributor-slug', slug, slug);
  claim(context, 'contributor-name', normalizeAlias(name), slug);
  recordMapped(tx, context, { sourceKind: 'author', sourceId: item.sourceId, targetKind: 'contributor', targetId: row.id, hash, path: `/authors/${slug}` });
  writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/authors/${slug}` });
  return 'created';
}

/** An item met in an earlier run: unchanged, or updated (in place only when this import made the record). Null when it is new. */
function revisit(
  tx: ImportTx,
  context: ImportContext,
  { sourceKind, sourceId, hash }: { sourceKind: string; sourceId: string; hash: string },
  update: (targetId: number) => void,
): ItemOutcome | null {
  const mapped = findMapped(context, sourceKind, sourceId);
  if (!mapped) return null;
  if (mapped.contentHash === hash) return 'unchanged';
  if (!mapped.targetKind.endsWith(MATCHED)) update(mapped.targetId);
  recordMapped(tx, context, { sourceKind, sourceId, targetKind: mapped.targetKind, targetId: mapped.targetId, hash });
  return 'updated';
}

function matchByName(tx: ImportTx, name: string): { id: number; slug: string } | undefined {
  const found = findContributorByName(tx, name);
  if (!found) return undefined;
  return tx.select({ id: contributors.id, slug: contributors.slug }).from(contributors).where(eq(contributors.id, found.id)).get();
}

/** A category becomes the section with the same address, or a new one at the end of the list. */
export function writeSection(tx: ImportTx, context: ImportContext, item: ImportedSection): ItemOutcome {
  const name = item.name.trim();
  if (name === '') throw new InvalidInputError('This category has no name.');
  const hash = contentHash(item);
  const seen = revisit(tx, context, { sourceKind: 'section', sourceId: item.sourceId, hash }, (id) => {
    tx.update(sections).set({ name, description: item.description ?? '' }).where(eq(sections.id, id)).run();
    context.changed.sectionIds.add(id);
  });
  if (seen) return seen;
  const { wanted, isNamed, unusable } = importedSlug({ slug: item.slug, name, kind: 'section', sourceId: item.sourceId });
  // Only a slug of the category's own names the same section here: a made-up one would fold two categories into one.
  const existing = isNamed ? tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, wanted)).get() : undefined;
  if (existing || (isNamed && plannedClaim(context, 'section-slug', wanted) !== undefined)) {
    if (existing) recordMapped(tx, context, { sourceKind: 'section', sourceId: item.sourceId, targetKind: `section${MATCHED}`, targetId: existing.id, hash, path: `/sections/${wanted}` });
    else claim(context, 'source', `section:${item.sourceId}`, `/sections/${wanted}`);
    writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/sections/${wanted}` });
    return 'unchanged';
  }
  const slug = isNamed ? wanted : freeValue(wanted, (candidate) => Boolean(tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, candidate)).get()) || plannedClaim(context, 'section-slug', candidate) !== undefined);
  if (unusable) warn(context, unusableSlugMessage(unusable, `/sections/${slug}`));
  const position = (tx.select({ last: max(sections.position) }).from(sections).get()?.last ?? 0) + 1;
  const row = tx.insert(sections).values({ name, slug, description: item.description ?? '', position }).returning({ id: sections.id }).get();
  claim(context, 'section-slug', slug, slug);
  context.changed.sectionIds.add(row.id);
  recordMapped(tx, context, { sourceKind: 'section', sourceId: item.sourceId, targetKind: 'section', targetId: row.id, hash, path: `/sections/${slug}` });
  writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/sections/${slug}` });
  return 'created';
}

/**
 * A tag becomes the knowledge-base entity it names (by name or alias); otherwise a new topic that
 * waits for an editor's approval, as an author's would. Internal tags are not for readers: skipped.
 */
export function writeTag(tx: ImportTx, context: ImportContext, item: ImportedTag): ItemOutcome {
  if (item.isInternal) return 'skipped';
  const name = item.name.trim();
  if (name === '') throw new InvalidInputError('This tag has no name.');
  const hash = contentHash(item);
  const seen = revisit(tx, context, { sourceKind: 'tag', sourceId: item.sourceId, hash }, (id) => {
    tx.update(entities).set({ description: item.description ?? '', updatedAt: new Date() }).where(eq(entities.id, id)).run();
  });
  if (seen) return seen;
  const known = findEntityNamed(name);
  const plannedPath = plannedClaim(context, 'entity-name', normalizeAlias(name));
  if (known || plannedPath !== undefined) {
    const path = known ? entityPath(known) : plannedPath!;
    if (known) recordMapped(tx, context, { sourceKind: 'tag', sourceId: item.sourceId, targetKind: `entity${MATCHED}`, targetId: known.id, hash, path });
    else claim(context, 'source', `tag:${item.sourceId}`, path);
    writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: path });
    return 'unchanged';
  }
  const slug = freeValue(
    importedSlug({ slug: item.slug, name, kind: 'topic', sourceId: item.sourceId }).wanted,
    (candidate) => findEntitySlugConflict({ db: tx, kind: 'topic', slug: candidate }) !== null || plannedClaim(context, 'topic-slug', candidate) !== undefined,
  );
  const now = new Date();
  const row = tx
    .insert(entities)
    .values({ kind: 'topic', name, slug, description: item.description ?? '', status: 'pending', createdAt: now, updatedAt: now })
    .returning({ id: entities.id })
    .get();
  const path = entityPath({ kind: 'topic', slug });
  claim(context, 'topic-slug', slug, path);
  claim(context, 'entity-name', normalizeAlias(name), path);
  recordMapped(tx, context, { sourceKind: 'tag', sourceId: item.sourceId, targetKind: 'entity', targetId: row.id, hash, path });
  writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: path });
  return 'created';
}

/** The entity whose name or an alias is exactly this tag (case and accents aside). */
function findEntityNamed(name: string): { id: number; kind: (typeof entities.$inferSelect)['kind']; slug: string } | null {
  const index = getKnownEntityIndex();
  const whole = index.matcher.match(name).find((match) => match.start === 0 && match.end >= name.length);
  const entity = whole ? index.entities.get(whole.entityIds[0]!) : undefined;
  return entity ? { id: entity.id, kind: entity.kind, slug: entity.slug } : null;
}

/** The wanted value, or with -2, -3… when it is taken. */
export function freeValue(base: string, isTaken: (candidate: string) => boolean): string {
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { articles, entities, media, navigationItems, pages, sections, subscribers } from '@/db/schema';
import { isAllowedHref } from '@/lib/content/is-allowed-href';
import { entityPath } from '@/lib/entities/entity-path';
import { COMPLIMENTARY_TIER, importMemberships } from '@/lib/access/members/import-memberships';
import { subscriberEmailSchema } from '@/lib/readers/subscriber-email-schema';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { contentHash, findMapped, plannedClaim, recordMapped, warn, type ImportContext, type ImportTx, type ItemOutcome } from './import-context';
import type { ImageResolution } from './import-media';
import type { ImportedMedia, ImportedMenuItem, ImportedMenuTarget, ImportedSubscriber } from './import-model';
import { oldUrlPath } from './old-url-path';

/** An image of the source's library: in the media library once, with its alt text and caption. */
export function writeMedia(tx: ImportTx, context: ImportContext, item: ImportedMedia, { url, resolution }: { url: string | null; resolution: ImageResolution }): ItemOutcome {
  const hash = contentHash(item);
  const mapped = findMapped(context, 'media', item.sourceId);
  if (mapped && mapped.contentHash === hash) return 'unchanged';
  if (!resolution.ok) throw new InvalidInputError(`The image ${url ?? item.url} could not be had: ${resolution.reason}.`);
  if (!('mediaId' in resolution)) {
    recordMapped(tx, context, { sourceKind: 'media', sourceId: item.sourceId, targetKind: 'media', targetId: 0, hash });
    return mapped ? 'updated' : 'created';
  }
  tx.update(media).set({ alt: item.alt.trim().slice(0, 300), caption: item.caption.trim().slice(0, 1000) }).where(eq(media.id, resolution.mediaId)).run();
  recordMapped(tx, context, { sourceKind: 'media', sourceId: item.sourceId, targetKind: 'media', targetId: resolution.mediaId, hash });
  return mapped ? 'updated' : 'created';
}

/** A menu entry links to where its target now lives; one whose target did not come along is left out. */
export function writeMenuItem(tx: ImportTx, context: ImportContext, item: ImportedMenuItem): ItemOutcome {
  const hash = contentHash(item);
  const mapped = findMapped(context, 'menu-item', item.sourceId);
  if (mapped && mapped.contentHash === hash) return 'unchanged';
  const href = menuHref(tx, context, item.target);
  if (!href) {
    warn(context, 'Its target is not in this import (or is no address a link may use); the menu leaves it out.');
    return 'skipped';
  }
  const label = item.label.trim().slice(0, 200) || 'Link';
  context.changed.isSiteWide = true;
  const current = mapped ? tx.select({ id: navigationItems.id }).from(navigationItems).where(eq(navigationItems.id, mapped.targetId)).get() : undefined;
  if (current) {
    tx.update(navigationItems).set({ menu: item.menu, label, href, position: item.position }).where(eq(navigationItems.id, current.id)).run();
    recordMapped(tx, context, { sourceKind: 'menu-item', sourceId: item.sourceId, targetKind: 'navigation-item', targetId: current.id, hash });
    return 'updated';
  }
  const row = tx.insert(navigationItems).values({ menu: item.menu, label, href, position: item.position }).returning({ id: navigationItems.id }).get();
  recordMapped(tx, context, { sourceKind: 'menu-item', sourceId: item.sourceId, targetKind: 'navigation-item', targetId: row.id, hash });
  return mapped ? 'updated' : 'created';
}

function menuHref(tx: ImportTx, context: ImportContext, target: ImportedMenuTarget): string | null {
  if (target.kind === 'url') {
    const onOldSite = context.siteUrl ? oldUrlPath(target.url, context.siteUrl) : null;
    if (onOldSite && /^https?:/i.test(target.url)) return onOldSite;
    return isAllowedHref(target.url.trim()) ? target.url.trim() : null;
  }
  const mapped = findMapped(context, target.kind, target.sourceId);
  if (!mapped) return plannedClaim(context, 'source', `${target.kind}:${target.sourceId}`) || null;
  const id = mapped.targetId;
  switch (target.kind) {
    case 'post': {
      const slug = tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).get()?.slug;
      return slug ? `/articles/${slug}` : null;
    }
    case 'page': {
      const slug = tx.select({ slug: pages.slug }).from(pages).where(eq(pages.id, id)).get()?.slug;
      return slug ? `/${slug}` : null;
    }
    case 'section': {
      const slug = tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)).get()?.slug;
      return slug ? `/sections/${slug}` : null;
    }
    case 'tag': {
      const entity = tx.select({ kind: entities.kind, slug: entities.slug }).from(entities).where(eq(entities.id, id)).get();
      return entity ? entityPath(entity) : null;
    }
  }
}

/**
 * A subscriber with their consent as it was: confirmed stay confirmed, unsubscribed stay
 * unsubscribed, and nobody is sent anything. Invalid and repeated addresses are reported and skipped.
 */
export function writeSubscriber(tx: ImportTx, context: ImportContext, item: ImportedSubscriber): ItemOutcome {
  const parsed = subscriberEmailSchema.safeParse(item.email);
  if (!parsed.success) {
    warn(context, `"${item.email.trim()}" is not a valid email address; skipped.`);
    return 'skipped';
  }
  const email = parsed.data;
  const firstSeen = context.seenEmails.get(email);
  if (firstSeen !== undefined) {
    warn(context, `The address appears again (first at ${firstSeen}); only the first was imported.`);
    return 'skipped';
  }
  context.seenEmails.set(email, item.where);
  const tierNames = membershipTiersOf(item);
  // Membership columns join the hash only when used, so files without them import as they always did.
  const hash = contentHash({ email, name: item.name.trim(), status: item.status, ...(tierNames.length ? { tiers: [...tierNames].sort() } : {}) });
  const mapped = findMapped(context, 'subscriber', email);
  if (mapped && mapped.contentHash === hash) return 'unchanged';
  const now = new Date();
  const existing = tx.select().from(subscribers).where(eq(subscribers.email, email)).get();
  if (existing && !mapped) {
    // Someone who signed up here already: their own choice stands, except that an unsubscribe is always honoured.
    const unsubscribes = item.status === 'unsubscribed' && existing.status !== 'unsubscribed';
    if (unsubscribes) tx.update(subscribers).set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now }).where(eq(subscribers.id, existing.id)).run();
    writeMemberships(tx, context, { subscriberId: existing.id, tierNames, item, now });
    recordMapped(tx, context, { sourceKind: 'subscriber', sourceId: email, targetKind: 'subscriber:matched', targetId: existing.id, hash });
    return unsubscribes || tierNames.length ? 'updated' : 'unchanged';
  }
  const consent = {
    name: item.name.trim().slice(0, 200),
    status: item.status,
    confirmedAt: item.status === 'confirmed' ? (existing?.confirmedAt ?? item.createdAt ?? now) : null,
    unsubscribedAt: item.status === 'unsubscribed' ? (existing?.unsubscribedAt ?? now) : null,
    confirmTokenHash: null,
    confirmExpiresAt: null,
    updatedAt: now,
  };
  if (existing) {
    tx.update(subscribers).set(consent).where(eq(subscribers.id, existing.id)).run();
    writeMemberships(tx, context, { subscriberId: existing.id, tierNames, item, now });
    recordMapped(tx, context, { sourceKind: 'subscriber', sourceId: email, targetKind: 'subscriber', targetId: existing.id, hash });
    return 'updated';
  }
  const row = tx.insert(subscribers).values({ email, ...consent, createdAt: item.createdAt ?? now }).returning({ id: subscribers.id }).get();
  writeMemberships(tx, context, { subscriberId: row.id, tierNames, item, now });
  recordMapped(tx, context, { sourceKind: 'subscriber', sourceId: email, targetKind: 'subscriber', targetId: row.id, hash });
  return 'created';
}

/** The tiers a Ghost member holds; a complimentary member without one gets the Complimentary tier. */
function membershipTiersOf(item: ImportedSubscriber): string[] {
  const tiers = item.tiers ?? [];
  return tiers.length === 0 && item.isComplimentary ? [COMPLIMENTARY_TIER] : tiers;
}

function writeMemberships(tx: ImportTx, context: ImportContext, { subscriberId, tierNames, item, now }: { subscriberId: number; tierNames: string[]; item: ImportedSubscriber; now: Date }): void {
  if (tierNames.length === 0) return;
  const { createdTiers } = importMemberships(tx, { subscriberId, tierNames, startsAt: item.createdAt ?? now });
  if ((item.tiers ?? []).length === 0 && item.isComplimentary) warn(context, `A complimentary member in Ghost without a tier: given the ${COMPLIMENTARY_TIER} tier.`);
  if (createdTiers.length) warn(context, `No tier here was named ${createdTiers.join(', ')}: created, without prices; set them at /desk/members/tiers.`);
}

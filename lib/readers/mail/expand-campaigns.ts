import 'server-only';
import { and, asc, eq, exists, gt, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, campaigns, entities, issues, mailBodies, outbox, publishedArticleEntities, revisions, subscriberFollows, subscribers, type Campaign } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { alertMail } from './alert-mail';
import { digestMail, type DigestArticle } from './digest-mail';
import { digestPeriodFromKey, type DigestPeriod } from './digest-period';
import type { MailMessage } from './enqueue-mail';
import { issueMail, UNSUBSCRIBE_URL_SLOT } from './issue-mail';
import { issueMailContent } from './issue-mail-content';
import { readerMailLinks } from './reader-mail-headers';

export const EXPANSION_BATCH_SIZE = 500;

type Recipient = { id: number; email: string };
type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];
/** Each reader's own message, written row by row (alerts and digests differ per reader). */
type PerReaderPlan = { recipients: (tx: Tx, afterId: number, limit: number) => Recipient[]; messagesFor: (tx: Tx, batch: Recipient[]) => MailMessage[]; afterBatch?: (tx: Tx, batch: Recipient[]) => void };
/** One body for everyone, stored once; each batch of readers becomes outbox rows in one INSERT … SELECT. */
type SharedBodyPlan = { kind: string; body: { subject: string; text: string; html: string }; isRecipient: SQL };
type Plan = PerReaderPlan | SharedBodyPlan;

/**
 * The worker's expansion step: turns queued campaigns into one outbox message per recipient, a batch
 * of subscribers (by id) per transaction. Each transaction writes the messages and moves the
 * campaign's `expandedThroughSubscriberId`, so a crash resumes at the next batch, and the unique dedupe
 * key (`<campaign key>:subscriber:<id>`) makes a repeated batch write nothing. Returns messages queued.
 */
export function expandCampaigns({ now = new Date(), budgetMs = 4_000, batchSize = EXPANSION_BATCH_SIZE }: { now?: Date; budgetMs?: number; batchSize?: number } = {}): number {
  const db = getDb();
  const started = Date.now();
  let queued = 0;
  const open = db
    .select()
    .from(campaigns)
    .where(and(inArray(campaigns.status, ['queued', 'expanding']), ne(campaigns.kind, 'test')))
    .orderBy(asc(campaigns.id))
    .all();
  for (const campaign of open) {
    const plan = planFor({ campaign, now });
    if (!plan) {
      db.update(campaigns).set({ status: 'cancelled', finishedAt: now }).where(and(eq(campaigns.id, campaign.id), inArray(campaigns.status, ['queued', 'expanding']))).run();
      continue;
    }
    // At least one batch per pass, then more while the time budget lasts.
    let isExpanded = false;
    do {
      const result = db.transaction((tx) => expandBatch(tx, { campaignId: campaign.id, plan, batchSize, now }), { behavior: 'immediate' });
      queued += result.queued;
      isExpanded = result.isExpanded;
    } while (!isExpanded && Date.now() - started < budgetMs);
    if (!isExpanded) break;
  }
  return queued;
}

function expandBatch(tx: Tx, { campaignId, plan, batchSize, now }: { campaignId: number; plan: Plan; batchSize: number; now: Date }): { queued: number; isExpanded: boolean } {
  // Re-read inside the transaction: another worker may have moved it on.
  const campaign = tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign || (campaign.status !== 'queued' && campaign.status !== 'expanding')) return { queued: 0, isExpanded: true };
  if ('isRecipient' in plan) return expandSharedBatch(tx, { campaign, plan, batchSize, now });
  const batch = plan.recipients(tx, campaign.expandedThroughSubscriberId, batchSize);
  let queued = 0;
  for (const message of plan.messagesFor(tx, batch)) {
    queued += tx
      .insert(outbox)
      .values({
        dedupeKey: message.dedupeKey,
        kind: message.kind,
        toAddress: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        headers: message.headers ?? {},
        campaignId: campaign.id,
        subscriberId: message.subscriberId ?? null,
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .run().changes;
  }
  plan.afterBatch?.(tx, batch);
  return recordBatch(tx, { campaign, queued, isExpanded: batch.length < batchSize, throughId: batch.at(-1)?.id, now });
}

/** Moves the campaign past a written batch: its resume point, its count, and `sending` once no reader is left. */
function recordBatch(tx: Tx, { campaign, queued, isExpanded, throughId, now }: { campaign: Campaign; queued: number; isExpanded: boolean; throughId: number | undefined; now: Date }): { queued: number; isExpanded: boolean } {
  tx.update(campaigns)
    .set({
      status: isExpanded ? 'sending' : 'expanding',
      startedAt: campaign.startedAt ?? now,
      recipientCount: sql`${campaigns.recipientCount} + ${queued}`,
      expandedThroughSubscriberId: throughId ?? campaign.expandedThroughSubscriberId,
    })
    .where(eq(campaigns.id, campaign.id))
    .run();
  return { queued, isExpanded };
}

/**
 * The next `batchSize` recipients by id, written in one statement: each row names its reader and
 * the campaign's shared body (made by the first batch). The same dedupe keys and resume point as
 * a per-reader batch, so a crash or a rerun behaves the same.
 */
function expandSharedBatch(tx: Tx, { campaign, plan, batchSize, now }: { campaign: Campaign; plan: SharedBodyPlan; batchSize: number; now: Date }): { queued: number; isExpanded: boolean } {
  tx.insert(mailBodies).values({ campaignId: campaign.id, ...plan.body }).onConflictDoNothing({ target: mailBodies.campaignId }).run();
  const bodyId = tx.select({ id: mailBodies.id }).from(mailBodies).where(eq(mailBodies.campaignId, campaign.id)).get()!.id;
  const afterId = campaign.expandedThroughSubscriberId;
  const window = tx.get<{ through: number | null; count: number }>(
    sql`select max(id) as through, count(*) as count from (select ${subscribers.id} as id from ${subscribers} where ${plan.isRecipient} and ${subscribers.id} > ${afterId} order by ${subscribers.id} limit ${batchSize})`,
  );
  let queued = 0;
  if (window.through !== null) {
    const columns = [outbox.dedupeKey, outbox.kind, outbox.toAddress, outbox.subject, outbox.text, outbox.headers, outbox.campaignId, outbox.subscriberId, outbox.bodyId];
    queued = tx.run(
      sql`insert into ${outbox} (${sql.join(
        columns.map((column) => sql.identifier(column.name)),
        sql`, `,
      )}) select ${`${campaign.dedupeKey}:subscriber:`} || ${subscribers.id}, ${plan.kind}, ${subscribers.email}, ${plan.body.subject}, '', '{}', ${campaign.id}, ${subscribers.id}, ${bodyId} from ${subscribers} where ${plan.isRecipient} and ${subscribers.id} > ${afterId} and ${subscribers.id} <= ${window.through} order by ${subscribers.id} on conflict (${sql.identifier(outbox.dedupeKey.name)}) do nothing`,
    ).changes;
  }
  return recordBatch(tx, { campaign, queued, isExpanded: window.count < batchSize, throughId: window.through ?? undefined, now });
}

const isReachable = and(eq(subscribers.status, 'confirmed'), eq(subscribers.isPaused, false));

/** How a campaign of each kind finds its readers and words its messages; null when it must not go out. */
function planFor({ campaign, now }: { campaign: Campaign; now: Date }): Plan | null {
  if (campaign.kind === 'issue') return issuePlan(campaign);
  if (campaign.kind === 'alert') return alertPlan(campaign);
  if (campaign.kind === 'digest') return digestPlan({ campaign, now });
  return null;
}

function issuePlan(campaign: Campaign): Plan | null {
  if (campaign.issueId === null) return null;
  const issue = getDb().select({ status: issues.status, isEmailWanted: issues.isEmailWanted }).from(issues).where(eq(issues.id, campaign.issueId)).get();
  if (!issue || issue.status !== 'published' || !issue.isEmailWanted) return null;
  const content = issueMailContent({ issueId: campaign.issueId, mode: 'published' });
  if (!content) return null;
  const { accountUrl } = readerMailLinks(0);
  const body = issueMail({ content, footer: { reason: 'You get the issue email because you subscribed to Masthead.', unsubscribeUrl: UNSUBSCRIBE_URL_SLOT, accountUrl } });
  return { kind: 'campaign.issue', body, isRecipient: and(isReachable, eq(subscribers.wantsIssueEmail, true))! };
}

function alertPlan(campaign: Campaign): Plan | null {
  if (campaign.articleId === null) return null;
  const articleId = campaign.articleId;
  const article = getDb()
    .select({ title: revisions.title, dek: revisions.dek, slug: revisions.slug, access: articles.publishedAccess })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.id, articleId), isPublicArticle()))
    .get();
  // Unpublished (or never public) by the time the worker looks: nobody hears of it.
  if (!article) return null;
  const url = `${getConfig().siteUrl}/articles/${article.slug}`;
  return {
    recipients: (tx, afterId, limit) =>
      tx
        .selectDistinct({ id: subscribers.id, email: subscribers.email })
        .from(subscribers)
        .innerJoin(subscriberFollows, eq(subscriberFollows.subscriberId, subscribers.id))
        .innerJoin(publishedArticleEntities, and(eq(publishedArticleEntities.entityId, subscriberFollows.entityId), eq(publishedArticleEntities.articleId, articleId)))
        .where(and(isReachable, eq(subscribers.alertFrequency, 'instant'), gt(subscribers.id, afterId)))
        .orderBy(asc(subscribers.id))
        .limit(limit)
        .all(),
    messagesFor: (tx, batch) => {
      const followed = followedEntityNames(tx, { subscriberIds: batch.map((reader) => reader.id), articleIds: [articleId] });
      return batch.map((reader) => {
        const links = readerMailLinks(reader.id);
        const mail = alertMail({
          article: { title: article.title, dek: article.dek, url, access: article.access },
          followed: followed.get(`${reader.id}:${articleId}`) ?? [],
          footer: { reason: 'You get this because you follow these subjects on Masthead.', unsubscribeUrl: links.unsubscribeUrl, accountUrl: links.accountUrl },
        });
        return { ...mail, dedupeKey: `${campaign.dedupeKey}:subscriber:${reader.id}`, kind: 'campaign.alert', to: reader.email, headers: links.headers, subscriberId: reader.id };
      });
    },
  };
}

function digestPlan({ campaign, now }: { campaign: Campaign; now: Date }): Plan | null {
  const timeZone = getSiteSettings().timeZone;
  const period = digestPeriodFromKey({ key: campaign.dedupeKey.replace(/^digest:/, ''), timeZone });
  if (!period || period.end > now) return null;
  const { siteUrl } = getConfig();
  const periodLabel = describePeriod({ period, timeZone });
  const periodMs = period.end.getTime() - period.start.getTime();
  return {
    recipients: (tx, afterId, limit) =>
      tx
        .select({ id: subscribers.id, email: subscribers.email })
        .from(subscribers)
        .where(
          and(
            isReachable,
            eq(subscribers.alertFrequency, period.frequency),
            gt(subscribers.id, afterId),
            or(isNull(subscribers.digestCoveredUntil), lt(subscribers.digestCoveredUntil, period.end)),
            exists(tx.select({ one: sql`1` }).from(subscriberFollows).where(eq(subscriberFollows.subscriberId, subscribers.id))),
          ),
        )
        .orderBy(asc(subscribers.id))
        .limit(limit)
        .all(),
    messagesFor: (tx, batch) => {
      const messages: MailMessage[] = [];
      for (const reader of batch) {
        const covered = tx.select({ until: subscribers.digestCoveredUntil }).from(subscribers).where(eq(subscribers.id, reader.id)).get()?.until ?? null;
        // From where the last digest stopped, but never more than one period further back.
        const from = new Date(Math.max(covered?.getTime() ?? period.start.getTime(), period.start.getTime() - periodMs));
        const found = digestArticles(tx, { subscriberId: reader.id, from, to: period.end, siteUrl });
        if (found.length === 0) continue;
        const links = readerMailLinks(reader.id);
        const mail = digestMail({
          frequency: period.frequency,
          periodLabel,
          articles: found,
          footer: { reason: `You get this ${period.frequency} digest because you follow these subjects on Masthead.`, unsubscribeUrl: links.unsubscribeUrl, accountUrl: links.accountUrl },
        });
        messages.push({ ...mail, dedupeKey: `${campaign.dedupeKey}:subscriber:${reader.id}`, kind: 'campaign.digest', to: reader.email, headers: links.headers, subscriberId: reader.id });
      }
      return messages;
    },
    afterBatch: (tx, batch) => {
      if (batch.length === 0) return;
      tx.update(subscribers)
        .set({ digestCoveredUntil: period.end })
        .where(and(inArray(subscribers.id, batch.map((reader) => reader.id)), or(isNull(subscribers.digestCoveredUntil), lt(subscribers.digestCoveredUntil, period.end))))
        .run();
    },
  };
}

/** Public articles first published in [from, to) that mention something the reader follows, oldest first. */
function digestArticles(tx: Tx, { subscriberId, from, to, siteUrl }: { subscriberId: number; from: Date; to: Date; siteUrl: string }): DigestArticle[] {
  const rows = tx
    .selectDistinct({ id: articles.id, title: revisions.title, dek: revisions.dek, slug: revisions.slug, firstPublishedAt: articles.firstPublishedAt, access: articles.publishedAccess })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(publishedArticleEntities, eq(publishedArticleEntities.articleId, articles.id))
    .innerJoin(subscriberFollows, and(eq(subscriberFollows.entityId, publishedArticleEntities.entityId), eq(subscriberFollows.subscriberId, subscriberId)))
    .where(and(isPublicArticle(), sql`${articles.firstPublishedAt} >= ${from.getTime()}`, sql`${articles.firstPublishedAt} < ${to.getTime()}`))
    .orderBy(asc(articles.firstPublishedAt), asc(articles.id))
    .all();
  if (rows.length === 0) return [];
  const followed = followedEntityNames(tx, { subscriberIds: [subscriberId], articleIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ title: row.title, dek: row.dek, url: `${siteUrl}/articles/${row.slug}`, access: row.access, followed: followed.get(`${subscriberId}:${row.id}`) ?? [] }));
}

/** For each `subscriber:article` pair, the names of the followed entities the article is tagged with. */
function followedEntityNames(tx: Tx, { subscriberIds, articleIds }: { subscriberIds: number[]; articleIds: number[] }): Map<string, string[]> {
  const names = new Map<string, string[]>();
  if (subscriberIds.length === 0 || articleIds.length === 0) return names;
  const rows = tx
    .select({ subscriberId: subscriberFollows.subscriberId, articleId: publishedArticleEntities.articleId, name: entities.name })
    .from(subscriberFollows)
    .innerJoin(publishedArticleEntities, eq(publishedArticleEntities.entityId, subscriberFollows.entityId))
    .innerJoin(entities, eq(entities.id, subscriberFollows.entityId))
    .where(and(inArray(subscriberFollows.subscriberId, subscriberIds), inArray(publishedArticleEntities.articleId, articleIds)))
    .orderBy(asc(entities.name))
    .all();
  for (const row of rows) {
    const key = `${row.subscriberId}:${row.articleId}`;
    names.set(key, [...(names.get(key) ?? []), row.name]);
  }
  return names;
}

function describePeriod({ period, timeZone }: { period: DigestPeriod; timeZone: string }): string {
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  if (period.frequency === 'daily') return format.format(period.start);
  return `the week of ${format.format(period.start)}`;
}

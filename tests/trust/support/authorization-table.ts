import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { STAFF_EMAILS, type Caller, type MatrixFixtures, type StaffCaller } from './authorization-fixtures';
import { checkoutCompleted } from '../../factories/stripe-events';
import { MATRIX_STRIPE, revalidationBearer, signStripeEvent, signUnsubscribe, tinyPng } from './authorization-secrets';
import { startEmptyApp } from './empty-app';
import { signInStaff } from './staff-client';

/**
 * Who may call each route handler and server action, what an allowed caller must get done, and why
 * everyone else is refused. The matrix test lists every route (from the files under app/) and every
 * server action (from the build's manifest) and fails, naming it, on any that has no row here.
 *
 * access:
 * - public: anyone; every caller must succeed
 * - token: only whoever holds a secret link or key; every caller is refused, and `holder` succeeds
 * - reader: a signed-in reader; staff and anonymous are refused
 * - staff: any signed-in staff member
 * - own: the article's (or image's) own author, editors and admins; another author is refused
 * - editor: editors and admins
 * - admin: admins only
 */
export type Access = 'public' | 'token' | 'reader' | 'staff' | 'own' | 'editor' | 'admin';

/** What a refused caller must see: the status (routes) and the sentence, or where they are sent. */
export type Refusal = { status?: number; says?: string; redirect?: string | RegExp };

/** A call's answer as the caller sees it; `redirect` is the path a redirect (or an action's redirect) names. */
export type Outcome = { status: number; text: string; json: Record<string, unknown>; contentType: string; cacheControl: string; redirect: string };

/** Everything a row's call can use: fresh records, the caller, and sessions made just for it. */
export type CallContext = {
  fixtures: MatrixFixtures;
  caller: Caller;
  url: string;
  /** A session of its own for this call (sign-out must not end the session other rows use); a reader's is `readerEmail`'s. */
  freshSession: (readerEmail?: string) => Promise<string>;
  /** The media the author uploaded before the run: its id and a public copy's address. */
  media: { id: number; publicPath: string; originalPath: string };
};

/** A problem in words, or nothing when the call did what it should. */
export type Check = string | undefined;

/** A prepared call may bring its own cookie (a fresh session), `null` leaving the caller's own, and another app to call. */
export type Prepared = { cookie?: string | null; baseUrl?: string } & Record<string, unknown>;

export type RouteRequest = { path: string; body?: unknown; headers?: Record<string, string> };

export type RouteRow<Context extends Prepared = Prepared> = {
  access: Access;
  // Method signatures, so that each row may name the shape its own `prepare` returns.
  prepare?(call: CallContext): Context | Promise<Context>;
  request(prepared: Context, call: CallContext): RouteRequest;
  succeeded(outcome: Outcome, prepared: Context, call: CallContext): Check;
  /** Refusal reasons that differ from the usual ones for this access. */
  refusals?: Partial<Record<Caller, Refusal>>;
  /** For `token` rows: the same call made with a real secret, which must succeed. */
  holder?: Omit<RouteRow<Context>, 'access' | 'refusals' | 'holder'>;
  /** Refusals beyond the callers' roles: the call made as `caller` once `prepare` has set the scene (a turned-off account, a locked article). */
  refusedWhen?: RefusedWhen<Context>[];
};

export type RefusedWhen<Context extends Prepared = Prepared> = { when: string; caller: StaffCaller; prepare(call: CallContext): Context | Promise<Context>; refusal: Refusal };

/** A FormData's fields (turned into FormData by the caller), or a plain value. */
export type ActionArgument = { form: Record<string, string> } | unknown;

export type ActionRow<Context extends Prepared = Prepared> = {
  access: Access;
  /** The page that posts it, when the manifest names a dynamic one. */
  page?: string;
  prepare?(call: CallContext): Context | Promise<Context>;
  args(prepared: Context, call: CallContext): ActionArgument[];
  succeeded(outcome: Outcome, prepared: Context, call: CallContext): Check;
  refusals?: Partial<Record<Caller, Refusal>>;
  holder?: Omit<ActionRow<Context>, 'access' | 'refusals' | 'holder' | 'page'>;
};

export const SESSION_ENDED = 'Your session has ended. Sign in again; your changes are kept on this device.';
export const NO_PERMISSION = 'You do not have permission to do that.';
export const ARTICLE_GONE = 'That article does not exist, or it has been deleted.';
const REVIEW_REFUSAL = 'Only editors and administrators can approve, merge or delete guest contributors.';
const reviewRefusals = { author: { says: REVIEW_REFUSAL }, 'other author': { says: REVIEW_REFUSAL } };
const NOT_YOUR_IMAGE = 'Only the person who uploaded this image, or an editor, can change its text.';
const SIGN_IN_FOR_IMAGES = 'Sign in to manage images.';
const EXPORT_REFUSAL = 'Only administrators can download the export.';
const STAFF_SIGN_IN = /^\/login\?callbackUrl=/;
const IMPORT_FORBIDDEN = 'Only administrators can import into the archive.';
const READER_SIGNED_OUT = '/account?problem=signed-out';

/** The usual refusal for a desk route handler (`staffRoute`). */
export function routeRefusal({ access, caller }: { access: Access; caller: Caller }): Refusal {
  if (access === 'reader') return { status: 401, says: 'Sign in to download your data.' };
  if (caller === 'anonymous' || caller === 'reader') return { status: 401, says: SESSION_ENDED };
  if (access === 'own' && caller === 'other author') return { status: 404, says: ARTICLE_GONE };
  return { status: 403, says: NO_PERMISSION };
}

/** The usual refusal for a server action: a trip to the sign-in page, or the action's `{ ok: false, error }`. */
export function actionRefusal({ access, caller }: { access: Access; caller: Caller }): Refusal {
  if (access === 'reader') return { redirect: READER_SIGNED_OUT };
  if (caller === 'anonymous' || caller === 'reader') return { redirect: STAFF_SIGN_IN };
  if (access === 'own' && caller === 'other author') return { says: ARTICLE_GONE };
  return { says: NO_PERMISSION };
}

const form = (fields: Record<string, string | number>) => ({ form: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)])) });

/** The first failed condition's description. */
const firstProblem = (...checks: [boolean, string][]): Check => checks.find(([isMet]) => !isMet)?.[1];

const answered = (outcome: Outcome, status: number, ...checks: [boolean, string][]): Check =>
  firstProblem([outcome.status === status, `answered ${outcome.status}, not ${status}: ${outcome.text.slice(0, 200)}`], ...checks);

const staffCaller = (call: CallContext): StaffCaller => {
  if (call.caller === 'anonymous' || call.caller === 'reader') throw new Error(`${call.caller} is not staff`);
  return call.caller;
};

/** Refused callers touch the author's records, so a refusal that changed them would show. */
const staffCallerOr = (call: CallContext, fallback: StaffCaller): StaffCaller => (call.caller === 'anonymous' || call.caller === 'reader' ? fallback : call.caller);

/** The token in the newest mail to `email` that carries a link matching `pattern`. */
const linkToken = (fixtures: MatrixFixtures, email: string, pattern: RegExp): string => {
  const mail = fixtures.get<{ text: string }>('select text from outbox where to_address = ? order by id desc limit 1', email);
  const token = mail.text.match(pattern)?.[1];
  if (!token) throw new Error(`No link in the mail to ${email}`);
  return decodeURIComponent(token);
};

const published = (fixtures: MatrixFixtures) => fixtures.get<{ id: number; slug: string; title: string }>("select id, slug, title from articles where status = 'published' order by id limit 1");

const publicXml = (path: string, marker: RegExp): RouteRow => ({
  access: 'public',
  request: () => ({ path }),
  succeeded: (outcome) => answered(outcome, 200, [/xml/.test(outcome.contentType), `content type ${outcome.contentType}`], [marker.test(outcome.text), `no ${marker} in the feed`]),
});

const feed = (path: string) => publicXml(path, /<item>|<entry>/);

type ArticleCall = Prepared & { articleId: number; title: string };
/** A fresh draft of the author's: the author reaches their own, "another author" reaches for it. */
const authorsDraft = ({ fixtures }: CallContext): ArticleCall => {
  const draft = fixtures.draft();
  return { articleId: draft.id, title: draft.title };
};

type RedirectCall = Prepared & { id: number; fromPath: string };
/** A redirect made straight in the database, for the calls that read or remove one. */
const matrixRedirect = ({ fixtures }: CallContext): RedirectCall => {
  const fromPath = `/matrix-old/${fixtures.unique('r')}`;
  const id = Number(fixtures.sqlite.prepare("insert into redirects (from_path, to_path, origin) values (?, '/articles/matrix-new', 'manual')").run(fromPath).lastInsertRowid);
  return { id, fromPath };
};

type TierCall = Prepared & { tierId: number; name: string };
/** A tier made straight in the database, for the calls that change or remove one. */
const matrixTier = ({ fixtures }: CallContext): TierCall => {
  const name = `Matrix tier ${fixtures.unique('t')}`;
  const tierId = Number(fixtures.sqlite.prepare("insert into membership_tiers (slug, name, currency, benefits) values (?, ?, 'usd', '[]')").run(name.toLowerCase().replace(/\W+/g, '-'), name).lastInsertRowid);
  return { tierId, name };
};
const tierFields = (name: string) => ({ name, slug: '', description: 'Matrix tier', monthlyPrice: '8', yearlyPrice: '80', currency: 'USD', benefits: 'The archive' });

type MembershipCall = Prepared & { membershipId: number; email: string };
/** A reader with a complimentary membership of a fresh tier, made straight in the database. */
const matrixMembership = (call: CallContext): MembershipCall => {
  const { tierId } = matrixTier(call);
  const reader = call.fixtures.subscriber();
  const membershipId = Number(
    call.fixtures.sqlite.prepare("insert into memberships (subscriber_id, tier_id, source, status, starts_at, ends_at) values (?, ?, 'complimentary', 'active', ?, ?)").run(reader.id, tierId, Date.now() - 86_400_000, Date.now() + 30 * 86_400_000).lastInsertRowid,
  );
  return { membershipId, email: reader.email };
};

type InstitutionCall = Prepared & { institutionId: number; name: string };
/** An institution with one month of usage, made straight in the database. */
const matrixInstitution = ({ fixtures }: CallContext): InstitutionCall => {
  const name = `Matrix library ${fixtures.unique('l')}`;
  const institutionId = Number(fixtures.sqlite.prepare('insert into institutions (name, slug, starts_at) values (?, ?, ?)').run(name, name.toLowerCase().replace(/\W+/g, '-'), Date.now()).lastInsertRowid);
  fixtures.sqlite.prepare("insert into institution_usage (institution_id, month, views) values (?, '2026-03', 41)").run(institutionId);
  return { institutionId, name };
};
/** A fresh IPv6 /64 for each call, so no two institutions' ranges overlap. */
const institutionFields = (name: string, fixtures: MatrixFixtures) => ({
  name,
  tierId: '',
  seats: '10',
  startsOn: '2026-01-01',
  endsOn: '',
  contactEmail: 'librarian@example.edu',
  ipRanges: `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::/64`,
  domains: `${fixtures.unique('lib').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.edu`,
  note: '',
});

type IntegrationCall = Prepared & { integrationId: number; webhookId: number; deliveryId: number };
/** An integration with one webhook and one delivery that failed for good, as the worker leaves it. */
const matrixIntegration = ({ fixtures }: CallContext): IntegrationCall => {
  const integrationId = Number(fixtures.sqlite.prepare('insert into integrations (name, content_key) values (?, ?)').run(`Matrix tool ${fixtures.unique('i')}`, randomBytes(13).toString('hex')).lastInsertRowid);
  const webhookId = Number(
    fixtures.sqlite.prepare("insert into webhooks (integration_id, event, target_url, secret) values (?, 'post.published', 'https://hooks.example.org/matrix', 'matrix-secret')").run(integrationId).lastInsertRowid,
  );
  const deliveryId = Number(
    fixtures.sqlite.prepare("insert into webhook_deliveries (webhook_id, event, payload, status, attempts, response_status, error) values (?, 'post.published', '{}', 'failed', 6, 500, 'The receiver answered 500.')").run(webhookId).lastInsertRowid,
  );
  return { integrationId, webhookId, deliveryId };
};

/** Keys: `METHOD /pattern`, the pattern as the file path says it (route groups dropped). */
const REVIEW_LOCK = 'This article is with the editors for review. Withdraw it to edit, or wait until they request changes.';

/** A writer whose account was turned off after signing in, and the author of an article locked for review, are refused with the reason. */
function collabRefusals(): RefusedWhen<ArticleCall>[] {
  return [
    {
      when: 'the account was turned off',
      caller: 'editor',
      prepare: async (call) => {
        const draft = authorsDraft(call);
        const email = `${call.fixtures.unique('turned-off')}@demo.masthead`;
        const hash = call.fixtures.get<{ password_hash: string }>('select password_hash from users where email = ?', STAFF_EMAILS.editor).password_hash;
        const userId = Number(call.fixtures.sqlite.prepare("insert into users (email, name, password_hash, role) values (?, 'Turned Off', ?, 'editor')").run(email, hash).lastInsertRowid);
        const { cookie } = await signInStaff({ baseUrl: call.url, email });
        call.fixtures.sqlite.prepare('update users set is_active = 0 where id = ?').run(userId);
        return { ...draft, cookie };
      },
      refusal: { status: 401, says: SESSION_ENDED },
    },
    {
      when: 'the article is with the editors for review',
      caller: 'author',
      prepare: (call) => {
        const draft = call.fixtures.draft({ status: 'in_review' });
        return { articleId: draft.id, title: draft.title };
      },
      refusal: { status: 403, says: REVIEW_LOCK },
    },
  ];
}

/** A Yjs update adding one paragraph, base64: it merges into any shared article document as a new block. */
function paragraphUpdate(text: string): string {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

/** The text held by a shared document's state (base64). */
function sharedText(state: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return doc.getXmlFragment('default').toString();
}

export const ROUTES: Record<string, RouteRow> = {
  'GET /account/export': {
    access: 'reader',
    prepare: (call) => freshReader(call),
    request: () => ({ path: '/account/export' }),
    succeeded: (outcome, prepared: { email: string }) => answered(outcome, 200, [outcome.text.includes(prepared.email), `the export does not name ${prepared.email}`]),
  },
  'GET /articles/[slug]/social.png': {
    access: 'public',
    request: (_prepared, { fixtures }) => ({ path: `/articles/${published(fixtures).slug}/social.png` }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.contentType === 'image/png', `content type ${outcome.contentType}`]),
  },
  'GET /atom.xml': feed('/atom.xml'),
  'GET /feed.xml': feed('/feed.xml'),
  'GET /authors/[slug]/feed.xml': feed('/authors/dana-whitfield/feed.xml'),
  'GET /countries/[slug]/feed.xml': feed('/countries/russia/feed.xml'),
  'GET /issues/[slug]/feed.xml': feed('/issues/2025-04/feed.xml'),
  'GET /organizations/[slug]/feed.xml': feed('/organizations/iaea/feed.xml'),
  'GET /people/[slug]/feed.xml': {
    ...feed(''),
    request: (_prepared, { fixtures }) => ({
      path: `/people/${fixtures.get<{ slug: string }>("select e.slug from entities e join published_article_entities tag on tag.entity_id = e.id where e.kind = 'person' order by e.id limit 1").slug}/feed.xml`,
    }),
  },
  'GET /sections/[slug]/feed.xml': feed('/sections/news/feed.xml'),
  'GET /topics/[slug]/feed.xml': feed('/topics/nuclear-testing/feed.xml'),
  'GET /treaties/[slug]/feed.xml': feed('/treaties/new-start/feed.xml'),
  'GET /sitemap.xml': publicXml('/sitemap.xml', /<loc>[^<]*\/articles\//),
  'GET /robots.txt': {
    access: 'public',
    request: () => ({ path: '/robots.txt' }),
    succeeded: (outcome) => answered(outcome, 200, [/Disallow: \/desk/.test(outcome.text), 'robots.txt does not keep crawlers out of /desk']),
  },
  'GET /api/health': {
    access: 'public',
    request: () => ({ path: '/api/health' }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.json.ok === true, 'health is not ok']),
  },
  // An image no published article uses is not public yet, so only staff may fetch this one.
  'GET /api/media/[id]/[file]': {
    access: 'staff',
    refusals: { anonymous: { status: 404, says: 'Not found' }, reader: { status: 404, says: 'Not found' } },
    request: (_prepared, { media }) => ({ path: media.publicPath }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.contentType.startsWith('image/'), `content type ${outcome.contentType}`]),
  },
  'POST /api/csp-report': {
    access: 'public',
    prepare: ({ fixtures }) => ({ blocked: `https://${fixtures.unique('blocked')}.example/x.js` }),
    request: (prepared: { blocked: string }, { url }) => ({
      path: '/api/csp-report',
      body: { 'csp-report': { 'document-uri': `${url}/`, 'blocked-uri': prepared.blocked, 'violated-directive': 'script-src-elem', 'effective-directive': 'script-src-elem', disposition: 'enforce', 'original-policy': "script-src 'self'" } },
      headers: { 'Content-Type': 'application/csp-report' },
    }),
    succeeded: (outcome, prepared: { blocked: string }, { fixtures }) =>
      answered(outcome, 204, [fixtures.find('select id from csp_violations where blocked_url like ?', `${prepared.blocked}%`) !== undefined, `no violation row for ${prepared.blocked}`]),
  },
  'POST /api/subscribe': {
    access: 'public',
    prepare: ({ fixtures }) => ({ email: `${fixtures.unique('subscriber')}@example.org` }),
    request: (prepared: { email: string }) => ({ path: '/api/subscribe', body: { email: prepared.email, wantsIssueEmail: true } }),
    succeeded: (outcome, prepared: { email: string }, { fixtures }) =>
      answered(outcome, 202, [fixtures.find("select id from subscribers where email = ? and status = 'pending'", prepared.email) !== undefined, `no pending subscriber ${prepared.email}`]),
  },
  'GET /api/unsubscribe': {
    access: 'token',
    request: () => ({ path: '/api/unsubscribe?token=1.not-a-real-signature-000' }),
    succeeded: () => 'a made-up token was accepted',
    refusals: everyone({ status: 200, says: 'Unsubscribe from all Masthead email' }),
    holder: {
      prepare: ({ fixtures }) => ({ ...fixtures.subscriber(), cookie: null }),
      request: (prepared: { id: number }) => ({ path: `/api/unsubscribe?token=${encodeURIComponent(signUnsubscribe(prepared.id))}` }),
      succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
        answered(outcome, 200, [/<form method="post"/.test(outcome.text), 'no unsubscribe button'], [fixtures.get<{ status: string }>('select status from subscribers where id = ?', prepared.id).status === 'confirmed', 'opening the link alone unsubscribed']),
    },
  },
  'POST /api/unsubscribe': {
    access: 'token',
    prepare: ({ fixtures }) => fixtures.subscriber(),
    request: (prepared: { id: number }) => ({ path: `/api/unsubscribe?token=${prepared.id}.not-a-real-signature-000`, body: 'List-Unsubscribe=One-Click' }),
    succeeded: () => 'a made-up token was accepted',
    refusals: everyone({ status: 400, says: 'link' }),
    holder: {
      prepare: ({ fixtures }) => fixtures.subscriber(),
      request: (prepared: { id: number }) => ({ path: `/api/unsubscribe?token=${encodeURIComponent(signUnsubscribe(prepared.id))}`, body: 'List-Unsubscribe=One-Click' }),
      succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
        answered(outcome, 200, [outcome.text.includes('You are unsubscribed'), 'no confirmation'], [fixtures.get<{ status: string }>('select status from subscribers where id = ?', prepared.id).status === 'unsubscribed', 'the subscriber is still subscribed']),
    },
  },
  'POST /api/internal/revalidate': {
    access: 'token',
    request: () => ({ path: '/api/internal/revalidate', body: { tags: ['home'] }, headers: { Authorization: 'Bearer not-the-token' } }),
    succeeded: () => 'a made-up token was accepted',
    refusals: everyone({ status: 401, says: 'Not allowed.' }),
    holder: {
      request: () => ({ path: '/api/internal/revalidate', body: { tags: ['home'] }, headers: { Authorization: `Bearer ${revalidationBearer()}` } }),
      succeeded: (outcome) => answered(outcome, 200, [outcome.json.expired === 1, `expired ${String(outcome.json.expired)} tags, not 1`]),
    },
  },
  // Stripe's webhook: the signature over the body is the only credential; sessions count for nothing.
  'POST /api/payments/stripe': {
    access: 'token',
    prepare: (call) => paymentReader({ ...call, caller: 'anonymous' }),
    request: (prepared: PaymentCall) => checkoutRequest(prepared, 'whsec_not_the_endpoint_secret'),
    succeeded: () => 'an event signed with another secret was accepted',
    refusals: everyone({ status: 400, says: 'Stripe-Signature header does not match' }),
    holder: {
      prepare: (call) => paymentReader({ ...call, caller: 'anonymous' }),
      request: (prepared: PaymentCall) => checkoutRequest(prepared, MATRIX_STRIPE.webhookSecret),
      succeeded: (outcome, prepared: PaymentCall, { fixtures }) =>
        answered(outcome, 200, [JSON.stringify(paymentMembership(fixtures, prepared.subscriptionId)) === JSON.stringify({ subscriber_id: prepared.id, status: 'active', source: 'payment' }), `no active payment membership for reader ${prepared.id}`]),
    },
  },
  'GET /api/desk/redirects/export': {
    access: 'editor',
    prepare: matrixRedirect,
    request: () => ({ path: '/api/desk/redirects/export' }),
    succeeded: (outcome, prepared: RedirectCall) =>
      answered(outcome, 200, [outcome.contentType.startsWith('text/csv'), `content type ${outcome.contentType}`], [outcome.text.includes(`${prepared.fromPath},/articles/matrix-new,0,manual`), `the export does not list ${prepared.fromPath}`]),
  },
  'GET /api/desk/members/export': {
    access: 'admin',
    prepare: matrixMembership,
    request: (prepared: MembershipCall) => ({ path: `/api/desk/members/export?q=${encodeURIComponent(prepared.email)}` }),
    succeeded: (outcome, prepared: MembershipCall) =>
      answered(outcome, 200, [outcome.contentType.startsWith('text/csv'), `content type ${outcome.contentType}`], [outcome.text.startsWith('email,name,tier') && outcome.text.includes(`${prepared.email},`), `the export does not list ${prepared.email}`]),
  },
  'GET /api/desk/members/institutions/[id]/usage': {
    access: 'admin',
    prepare: matrixInstitution,
    request: (prepared: InstitutionCall) => ({ path: `/api/desk/members/institutions/${prepared.institutionId}/usage` }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.contentType.startsWith('text/csv'), `content type ${outcome.contentType}`], [outcome.text === 'month,views\n2026-03,41\n', `the report reads ${outcome.text.slice(0, 100)}`]),
  },
  // Ghost's Content API: the integration key in the address is the only credential; sessions count for nothing.
  'GET /ghost/api/content/[...path]': {
    access: 'token',
    request: () => ({ path: '/ghost/api/content/posts/' }),
    succeeded: () => 'a request without a key was answered',
    refusals: everyone({ status: 401, says: 'Authorization failed' }),
    holder: {
      prepare: ({ fixtures }) => ({ key: contentApiKey(fixtures), cookie: null }),
      request: (prepared: { key: string }) => ({ path: `/ghost/api/content/settings/?key=${prepared.key}` }),
      succeeded: (outcome) => answered(outcome, 200, [typeof (outcome.json.settings as { title?: unknown } | undefined)?.title === 'string', `no settings in the answer: ${outcome.text.slice(0, 200)}`]),
    },
  },
  'OPTIONS /ghost/api/content/[...path]': {
    access: 'public',
    request: () => ({ path: '/ghost/api/content/posts/', headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept-version' } }),
    succeeded: (outcome) => answered(outcome, 204),
  },
  'GET /api/desk/articles/[id]': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}` }),
    succeeded: (outcome, prepared: ArticleCall) => answered(outcome, 200, [(outcome.json.article as { title?: string } | undefined)?.title === prepared.title, 'the answer does not carry the article']),
  },
  'PUT /api/desk/articles/[id]': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall, { caller }) => ({
      path: `/api/desk/articles/${prepared.articleId}`,
      body: { baseVersion: 1, reason: 'save', title: `Saved by ${caller}`, dek: '', slug: `saved-${prepared.articleId}`, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saved.' }] }] }, sectionId: null, issueId: null, authorContributorIds: [], seoTitle: '', seoDescription: '', featuredMediaId: null },
    }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures, caller }) =>
      answered(outcome, 200, [fixtures.get<{ title: string }>('select title from articles where id = ?', prepared.articleId).title === `Saved by ${caller}`, 'the title in the database did not change']),
  },
  'GET /api/desk/articles/[id]/dismissals': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      call.fixtures.sqlite.prepare("insert into article_dismissed_suggestions (article_id, suggestion_key) values (?, 'name:matrix person')").run(draft.articleId);
      return draft;
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/dismissals` }),
    succeeded: (outcome) => answered(outcome, 200, [JSON.stringify(outcome.json.keys) === '["name:matrix person"]', `keys ${JSON.stringify(outcome.json.keys)}`]),
  },
  'POST /api/desk/articles/[id]/dismissals': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/dismissals`, body: { key: 'name:matrix person' } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) =>
      answered(outcome, 200, [fixtures.find('select 1 from article_dismissed_suggestions where article_id = ?', prepared.articleId) !== undefined, 'no dismissal was stored']),
  },
  'PUT /api/desk/articles/[id]/embargo': {
    access: 'editor',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/embargo`, body: { until: '2099-01-01T09:00' } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) =>
      answered(outcome, 200, [fixtures.get<{ embargoed_until: number | null }>('select embargoed_until from articles where id = ?', prepared.articleId).embargoed_until !== null, 'no embargo was stored']),
  },
  'GET /api/desk/articles/[id]/notes': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      return { ...draft, note: call.fixtures.note(draft.articleId).body };
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/notes` }),
    succeeded: (outcome, prepared: ArticleCall & { note: string }) => answered(outcome, 200, [outcome.text.includes(prepared.note), 'the thread is not listed']),
  },
  'POST /api/desk/articles/[id]/notes': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall, { caller }) => ({ path: `/api/desk/articles/${prepared.articleId}/notes`, body: { body: `A note from ${caller}.` } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures, caller }) =>
      answered(outcome, 201, [fixtures.find('select id from article_notes where article_id = ? and body like ?', prepared.articleId, `%A note from ${caller}.%`) !== undefined, 'no note row']),
  },
  'PATCH /api/desk/articles/[id]/notes/[noteId]': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      return { ...draft, noteId: call.fixtures.note(draft.articleId).id };
    },
    request: (prepared: ArticleCall & { noteId: number }) => ({ path: `/api/desk/articles/${prepared.articleId}/notes/${prepared.noteId}`, body: { action: 'resolve' } }),
    succeeded: (outcome, prepared: ArticleCall & { noteId: number }, { fixtures }) =>
      answered(outcome, 200, [fixtures.get<{ resolved_at: number | null }>('select resolved_at from article_notes where id = ?', prepared.noteId).resolved_at !== null, 'the thread is not resolved']),
  },
  'POST /api/desk/articles/[id]/presence': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/presence`, body: {} }),
    succeeded: (outcome, prepared: ArticleCall, call) =>
      answered(outcome, 200, [call.fixtures.find('select 1 from article_presence where article_id = ? and user_id = ?', prepared.articleId, call.fixtures.userId(staffCaller(call))) !== undefined, 'no presence row']),
  },
  'DELETE /api/desk/articles/[id]/presence': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      if (call.caller !== 'anonymous' && call.caller !== 'reader') {
        call.fixtures.sqlite.prepare('insert into article_presence (article_id, user_id, last_seen_at) values (?, ?, ?)').run(draft.articleId, call.fixtures.userId(call.caller), Date.now());
      }
      return draft;
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/presence` }),
    succeeded: (outcome, prepared: ArticleCall, call) =>
      answered(outcome, 200, [call.fixtures.find('select 1 from article_presence where article_id = ? and user_id = ?', prepared.articleId, call.fixtures.userId(staffCaller(call))) === undefined, 'the presence row is still there']),
  },
  'GET /api/desk/articles/[id]/collab': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/collab` }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) => {
      const stored = fixtures.find<{ seq: number }>('select seq from collab_documents where article_id = ?', prepared.articleId);
      return answered(
        outcome,
        200,
        [stored !== undefined && outcome.json.seq === stored.seq, `seq ${String(outcome.json.seq)}, stored ${JSON.stringify(stored)}`],
        [sharedText(String(outcome.json.state)).includes(prepared.title), 'the shared document does not hold the article text'],
      );
    },
    refusedWhen: collabRefusals(),
  },
  'POST /api/desk/articles/[id]/collab': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall, { caller }) => ({ path: `/api/desk/articles/${prepared.articleId}/collab`, body: { update: paragraphUpdate(`Typed together by ${caller}.`), origin: 'matrix-tab' } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures, caller }) =>
      answered(
        outcome,
        200,
        [fixtures.find('select 1 from collab_updates where article_id = ? and user_id = ?', prepared.articleId, fixtures.userId(caller as StaffCaller)) !== undefined, 'no update row names the writer'],
        [fixtures.get<{ body_text: string }>('select body_text from articles where id = ?', prepared.articleId).body_text.includes(`Typed together by ${caller}.`), 'the working copy was not saved from the shared document'],
      ),
    refusedWhen: collabRefusals(),
  },
  'POST /api/desk/articles/[id]/collab/save': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      // The shared document holds text the working copy does not have yet.
      call.fixtures.sqlite
        .prepare('insert into collab_documents (article_id, state, seq, compacted_at) values (?, ?, 0, ?)')
        .run(draft.articleId, Buffer.from(paragraphUpdate(`Written from the shared text: ${draft.title}.`), 'base64'), Date.now());
      return draft;
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/collab/save` }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) => {
      const stored = fixtures.get<{ body_text: string; version: number }>('select body_text, version from articles where id = ?', prepared.articleId);
      return answered(
        outcome,
        200,
        [stored.body_text.includes(`Written from the shared text: ${prepared.title}.`), `the working copy holds ${JSON.stringify(stored.body_text.slice(0, 120))}`],
        [outcome.json.version === stored.version, `answered version ${String(outcome.json.version)}, stored ${stored.version}`],
      );
    },
    refusedWhen: collabRefusals(),
  },
  'GET /api/desk/articles/[id]/collab/stream': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      const update = paragraphUpdate('Streamed from another writer.');
      call.fixtures.sqlite.prepare('insert into collab_documents (article_id, state, seq, compacted_at) values (?, ?, 0, ?)').run(draft.articleId, Buffer.from(paragraphUpdate(draft.title), 'base64'), Date.now());
      call.fixtures.sqlite.prepare("insert into collab_updates (article_id, seq, \"update\", user_id, origin, received_at) values (?, 1, ?, null, 'other-tab', ?)").run(draft.articleId, Buffer.from(update, 'base64'), Date.now());
      return draft;
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/collab/stream?since=0&wait=0&origin=matrix-tab` }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) => {
      const stored = fixtures.get<{ update: Buffer }>('select "update" from collab_updates where article_id = ? and seq = 1', prepared.articleId);
      return answered(
        outcome,
        200,
        [outcome.contentType.startsWith('text/event-stream'), `content type ${outcome.contentType}`],
        [outcome.text.includes(`"update":"${stored.update.toString('base64')}"`), `the stream does not carry the stored update: ${outcome.text.slice(0, 200)}`],
      );
    },
    refusedWhen: collabRefusals(),
  },
  'POST /api/desk/articles/[id]/collab/awareness': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({
      path: `/api/desk/articles/${prepared.articleId}/collab/awareness`,
      body: { origin: 'matrix-tab', caret: { anchor: { tname: 'default', assoc: -1 }, head: { tname: 'default', assoc: -1 } }, name: 'Someone Else' },
    }),
    succeeded: (outcome, _prepared: ArticleCall, { fixtures, caller }) => {
      const stored = fixtures.get<{ name: string }>('select name from users where id = ?', fixtures.userId(caller as StaffCaller));
      const you = outcome.json.you as { name?: string; color?: string } | null;
      return answered(
        outcome,
        200,
        [you?.name === stored.name, `the caret is shown as ${JSON.stringify(you?.name)}, the account is ${stored.name}`],
        [/^#[0-9a-f]{6}$/.test(String(you?.color)), `colour ${String(you?.color)}`],
        [outcome.cacheControl.includes('no-store'), `Cache-Control ${outcome.cacheControl}`],
      );
    },
    refusedWhen: collabRefusals(),
  },
  'GET /api/desk/articles/[id]/preview-links': {
    access: 'editor',
    prepare: (call) => {
      const draft = authorsDraft(call);
      return { ...draft, label: call.fixtures.previewLink(draft.articleId).label };
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/preview-links` }),
    succeeded: (outcome, prepared: ArticleCall & { label: string }) => answered(outcome, 200, [outcome.text.includes(prepared.label), 'the link is not listed']),
  },
  'POST /api/desk/articles/[id]/preview-links': {
    access: 'editor',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/preview-links`, body: { label: 'Matrix', expiresInHours: 2 } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) =>
      answered(outcome, 201, [fixtures.find("select id from preview_links where article_id = ? and label = 'Matrix'", prepared.articleId) !== undefined, 'no link row']),
  },
  'DELETE /api/desk/articles/[id]/preview-links': {
    access: 'editor',
    prepare: (call) => {
      const draft = authorsDraft(call);
      return { ...draft, linkId: call.fixtures.previewLink(draft.articleId).id };
    },
    request: (prepared: ArticleCall & { linkId: number }) => ({ path: `/api/desk/articles/${prepared.articleId}/preview-links?id=${prepared.linkId}` }),
    succeeded: (outcome, prepared: ArticleCall & { linkId: number }, { fixtures }) =>
      answered(outcome, 200, [fixtures.get<{ revoked_at: number | null }>('select revoked_at from preview_links where id = ?', prepared.linkId).revoked_at !== null, 'the link is not revoked']),
  },
  'GET /api/desk/articles/[id]/workflow': {
    access: 'own',
    prepare: authorsDraft,
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/workflow` }),
    succeeded: (outcome) => answered(outcome, 200, [(outcome.json.state as { status?: string } | undefined)?.status === 'draft', `state ${JSON.stringify(outcome.json.state).slice(0, 120)}`]),
  },
  'POST /api/desk/articles/[id]/workflow': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      // Preflight wants a dek, a section and a tag before review.
      call.fixtures.sqlite.prepare("update articles set dek = 'Why this matters, in one sentence.', section_id = (select min(id) from sections) where id = ?").run(draft.articleId);
      call.fixtures.sqlite.prepare("insert into article_entities (article_id, entity_id) values (?, (select id from entities where status = 'approved' order by id limit 1))").run(draft.articleId);
      return draft;
    },
    request: (prepared: ArticleCall) => ({ path: `/api/desk/articles/${prepared.articleId}/workflow`, body: { action: 'submit' } }),
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) =>
      answered(outcome, 200, [fixtures.get<{ status: string }>('select status from articles where id = ?', prepared.articleId).status === 'in_review', 'the article is not in review']),
  },
  'POST /api/desk/entities': {
    access: 'staff',
    prepare: ({ fixtures }) => ({ name: `Matrix quick ${fixtures.unique('q')}` }),
    request: (prepared: { name: string }) => ({ path: '/api/desk/entities', body: { kind: 'topic', name: prepared.name } }),
    succeeded: (outcome, prepared: { name: string }, { fixtures }) => answered(outcome, 201, [fixtures.find('select id from entities where name = ?', prepared.name) !== undefined, 'no entity row']),
  },
  'POST /api/desk/entities/existing': {
    access: 'staff',
    prepare: ({ fixtures }) => fixtures.entity(),
    request: (prepared: { id: number }) => ({ path: '/api/desk/entities/existing', body: { ids: [prepared.id, 999_999] } }),
    succeeded: (outcome, prepared: { id: number }) => answered(outcome, 200, [JSON.stringify(outcome.json.ids) === `[${prepared.id}]`, `ids ${JSON.stringify(outcome.json.ids)}`]),
  },
  'GET /api/desk/entities/search': {
    access: 'staff',
    request: () => ({ path: '/api/desk/entities/search?q=Russia' }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.text.includes('"Russia"'), 'Russia is not found']),
  },
  'POST /api/desk/contributors': {
    access: 'staff',
    prepare: ({ fixtures }) => ({ name: `Matrix Byline ${fixtures.unique('b')}` }),
    request: (prepared: { name: string }) => ({ path: '/api/desk/contributors', body: { name: prepared.name, affiliation: 'Matrix Institute' } }),
    succeeded: (outcome, prepared: { name: string }, call) =>
      answered(outcome, 201, [
        call.fixtures.find("select id from contributors where name = ? and review_status = 'pending' and added_by = ?", prepared.name, call.fixtures.userId(staffCaller(call))) !== undefined,
        'no pending contributor row added by the caller',
      ]),
  },
  'POST /api/desk/entities/suggest': {
    access: 'staff',
    request: () => ({ path: '/api/desk/entities/suggest', body: { text: 'Russia and the IAEA met in Vienna.' } }),
    succeeded: (outcome) => answered(outcome, 200, [outcome.text.includes('Russia'), 'Russia is not suggested']),
  },
  'GET /api/desk/link-targets': {
    access: 'staff',
    request: (_prepared, { fixtures }) => ({ path: `/api/desk/link-targets?q=${encodeURIComponent(published(fixtures).title.split(' ').slice(0, 3).join(' '))}` }),
    succeeded: (outcome, _prepared, { fixtures }) => answered(outcome, 200, [outcome.text.includes(published(fixtures).slug), 'the published article is not offered']),
  },
  'POST /api/desk/import/upload': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ fileName: `${fixtures.unique('members')}.csv` }),
    request: (prepared: { fileName: string }) => ({
      path: `/api/desk/import/upload?source=subscribers&fetchImages=no&fileName=${encodeURIComponent(prepared.fileName)}`,
      body: 'email,name,status\nmatrix@example.org,Matrix Reader,subscribed\n',
      headers: { 'Content-Type': 'text/csv' },
    }),
    succeeded: (outcome, prepared: { fileName: string }, call) => {
      const run = call.fixtures.find<{ id: number; is_dry_run: number; created_by: number }>('select id, is_dry_run, created_by from import_runs where file_name = ?', prepared.fileName);
      holdImportJobs(call.fixtures);
      return answered(outcome, 201, [run !== undefined, 'no import run row'], [run?.is_dry_run === 1, 'the upload did not start as a dry run'], [run?.created_by === call.fixtures.userId(staffCaller(call)), 'not started by the caller'], [(outcome.json.run as { id?: number } | undefined)?.id === run?.id, 'the answer does not name the run']);
    },
    refusals: importRefusals('route'),
  },
  'GET /api/desk/import/[id]': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ id: Number(fixtures.sqlite.prepare("insert into import_runs (source, file_name, file_path, status, progress_done, progress_total) values ('ghost', 'matrix.json', '/nowhere/matrix.json', 'running', 3, 10)").run().lastInsertRowid) }),
    request: (prepared: { id: number }) => ({ path: `/api/desk/import/${prepared.id}` }),
    succeeded: (outcome) => answered(outcome, 200, [JSON.stringify(outcome.json.run).includes('"progressDone":3,"progressTotal":10'), `the answer is ${outcome.text.slice(0, 200)}`]),
    refusals: importRefusals('route'),
  },
  'GET /api/desk/export': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ before: fixtures.get<{ n: number }>("select count(*) as n from audit_log where action = 'export.download'").n }),
    request: () => ({ path: '/api/desk/export' }),
    succeeded: (outcome, prepared: Prepared & { before: number }, { fixtures }) =>
      answered(
        outcome,
        200,
        [outcome.contentType === 'application/zip', `content type ${outcome.contentType}`],
        [outcome.text.includes('masthead-export.json') && outcome.text.includes('subscribers.csv'), 'the zip holds no export document or subscriber list'],
        [fixtures.get<{ n: number }>("select count(*) as n from audit_log where action = 'export.download'").n > prepared.before, 'the download is not in the audit log'],
      ),
    refusals: { author: { status: 403, says: EXPORT_REFUSAL }, 'other author': { status: 403, says: EXPORT_REFUSAL }, editor: { status: 403, says: EXPORT_REFUSAL } },
  },
  'GET /api/desk/media': {
    access: 'staff',
    request: () => ({ path: '/api/desk/media' }),
    succeeded: (outcome, _prepared, { media }) => answered(outcome, 200, [(outcome.json.media as { id: number }[] | undefined)?.some((item) => item.id === media.id) === true, 'the uploaded image is not listed']),
    refusals: signedOutImages(),
  },
  'POST /api/desk/media': {
    access: 'staff',
    prepare: async ({ fixtures }) => ({ name: `${fixtures.unique('upload')}.png`, bytes: await tinyPng() }),
    request: (prepared: { name: string; bytes: Buffer }) => {
      const data = new FormData();
      data.append('file', new Blob([new Uint8Array(prepared.bytes)], { type: 'image/png' }), prepared.name);
      data.append('alt', 'A grey square');
      return { path: '/api/desk/media', body: data };
    },
    succeeded: (outcome, prepared: { name: string }, call) =>
      answered(outcome, 201, [call.fixtures.find('select id from media where original_name = ? and uploaded_by = ?', prepared.name, call.fixtures.userId(staffCaller(call))) !== undefined, 'no media row by the caller']),
    refusals: signedOutImages(),
  },
  'GET /api/desk/media/[id]': {
    access: 'staff',
    request: (_prepared, { media }) => ({ path: `/api/desk/media/${media.id}` }),
    succeeded: (outcome, _prepared, { media }) => answered(outcome, 200, [(outcome.json.media as { id?: number } | undefined)?.id === media.id, 'the answer is not the image']),
    refusals: signedOutImages(),
  },
  'PATCH /api/desk/media/[id]': {
    access: 'own',
    request: (_prepared, { media, caller }) => ({ path: `/api/desk/media/${media.id}`, body: { alt: `Described by ${caller}` } }),
    succeeded: (outcome, _prepared, { fixtures, media, caller }) =>
      answered(outcome, 200, [fixtures.get<{ alt: string }>('select alt from media where id = ?', media.id).alt === `Described by ${caller}`, 'the alt text did not change']),
    refusals: { ...signedOutImages(), 'other author': { status: 403, says: NOT_YOUR_IMAGE } },
  },
  'GET /api/desk/notifications': {
    access: 'staff',
    prepare: (call) => ({ id: call.fixtures.unreadNotification(staffCallerOr(call, 'author')) }),
    request: () => ({ path: '/api/desk/notifications' }),
    succeeded: (outcome, prepared: { id: number }) => answered(outcome, 200, [(outcome.json.notifications as { id: number }[] | undefined)?.some((item) => item.id === prepared.id) === true, 'the caller’s notification is not listed']),
  },
  'POST /api/desk/notifications': {
    access: 'staff',
    prepare: (call) => ({ id: call.fixtures.unreadNotification(staffCallerOr(call, 'author')) }),
    request: (prepared: { id: number }) => ({ path: '/api/desk/notifications', body: { ids: [prepared.id] } }),
    succeeded: (outcome, prepared: { id: number }, call) => {
      const readAt = call.fixtures.get<{ read_at: number | null }>('select read_at from notifications where id = ?', prepared.id).read_at;
      return answered(outcome, 200, [readAt !== null, 'the notification is still unread']);
    },
  },
  'GET /api/desk/staff-directory': {
    access: 'staff',
    // The directory leaves out whoever asks, so the author looks for the editor.
    request: (_prepared, { caller }) => ({ path: `/api/desk/staff-directory?q=${caller === 'author' ? 'Miriam' : 'Tomas'}` }),
    succeeded: (outcome, _prepared, { caller }) => {
      const name = caller === 'author' ? 'Miriam Kovacs' : 'Tomas Reyes';
      return answered(outcome, 200, [outcome.text.includes(name), `${name} is not listed`]);
    },
  },
};

type ReaderCall = Prepared & { id: number; email: string };
const PAGES_REFUSAL = 'Only editors and administrators can change the site’s pages and menus.';
const pageRefusals = { author: { says: PAGES_REFUSAL }, 'other author': { says: PAGES_REFUSAL } };
type MatrixPage = { id: number; slug: string; title: string } & Prepared;
/** A page of its own for one call (version 1), as a draft or already published. */
const matrixPage = (fixtures: MatrixFixtures, { isPublished = false } = {}): MatrixPage => {
  const slug = fixtures.unique('matrix-page');
  const title = `Matrix page ${slug}`;
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Matrix text.' }] }] });
  const id = fixtures.sqlite.prepare(
    'insert into pages (slug, title, body, status, published_title, published_body, published_at) values (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    slug,
    title,
    body,
    isPublished ? 'published' : 'draft',
    isPublished ? title : null,
    isPublished ? body : null,
    isPublished ? Date.now() : null,
  ).lastInsertRowid;
  return { id: Number(id), slug, title };
};

const freshReader = async (call: CallContext): Promise<ReaderCall> => {
  const subscriber = call.fixtures.subscriber();
  return { ...subscriber, cookie: call.caller === 'reader' ? await call.freshSession(subscriber.email) : null };
};
const subscriberRow = (fixtures: MatrixFixtures, id: number) => fixtures.find<{ status: string; alert_frequency: string }>('select status, alert_frequency from subscribers where id = ?', id);

type PaymentCall = Prepared & { id: number; email: string; tierId: number; slug: string; priceId: string; customerId: string; subscriptionId: string };
/** A reader (signed in when the caller is one), a tier on sale, and names for the Stripe records of a purchase. */
const paymentReader = async (call: CallContext): Promise<PaymentCall> => {
  const reader = await freshReader(call);
  const slug = call.fixtures.unique('tier');
  const priceId = `price_${slug}`;
  const tierId = Number(
    call.fixtures.sqlite.prepare('insert into membership_tiers (slug, name, monthly_price_cents, provider_monthly_price_id) values (?, ?, 900, ?)').run(slug, `Matrix ${slug}`, priceId).lastInsertRowid,
  );
  return { ...reader, tierId, slug, priceId, customerId: `cus_${slug}`, subscriptionId: `sub_${slug}` };
};
const paymentMembership = (fixtures: MatrixFixtures, subscriptionId: string) => fixtures.find<{ subscriber_id: number; status: string; source: string }>('select subscriber_id, status, source from memberships where provider_subscription_id = ?', subscriptionId);
const JOIN_SIGNED_OUT = '/join?problem=signed-out';
const checkoutRequest = (prepared: PaymentCall, secret: string): RouteRequest => {
  const signed = signStripeEvent({ event: checkoutCompleted({ subscriberId: prepared.id, tierId: prepared.tierId, subscriptionId: prepared.subscriptionId, customerId: prepared.customerId }), secret });
  return { path: '/api/payments/stripe', body: signed.body, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signed.signature } };
};

/** Keys: `<file>#<export>`. */
export const ACTIONS: Record<string, ActionRow> = {
  'app/(site)/account/actions.ts#requestSignInLinkAction': {
    access: 'public',
    prepare: ({ fixtures }) => fixtures.subscriber(),
    args: (prepared: ReaderCall) => [form({ email: prepared.email })],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([fixtures.find("select id from outbox where to_address = ? and text like '%/account/sign-in?%'", prepared.email) !== undefined, `no sign-in link went to ${prepared.email} (${outcome.redirect})`]),
  },
  'app/(site)/account/actions.ts#saveChoicesAction': {
    access: 'reader',
    prepare: freshReader,
    args: () => [form({ wantsIssueEmail: 'false', alertFrequency: 'weekly' })],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([outcome.redirect === '/account?done=saved', `sent to ${outcome.redirect}`], [subscriberRow(fixtures, prepared.id)?.alert_frequency === 'weekly', 'the choice was not saved']),
  },
  'app/(site)/account/actions.ts#unsubscribeAllAction': {
    access: 'reader',
    prepare: freshReader,
    args: () => [],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([outcome.redirect === '/account?done=unsubscribed', `sent to ${outcome.redirect}`], [subscriberRow(fixtures, prepared.id)?.status === 'unsubscribed', 'still subscribed']),
  },
  'app/(site)/account/actions.ts#resubscribeAction': {
    access: 'reader',
    prepare: async (call) => {
      const reader = await freshReader(call);
      call.fixtures.sqlite.prepare("update subscribers set status = 'unsubscribed', unsubscribed_at = ? where id = ?").run(Date.now(), reader.id);
      return reader;
    },
    args: () => [],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([outcome.redirect === '/account?done=resubscribed', `sent to ${outcome.redirect}`], [subscriberRow(fixtures, prepared.id)?.status === 'confirmed', 'not subscribed again']),
  },
  'app/(site)/account/actions.ts#deleteDataAction': {
    access: 'reader',
    prepare: freshReader,
    args: () => [form({ confirm: 'on' })],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([outcome.redirect === '/account?done=deleted', `sent to ${outcome.redirect}`], [fixtures.find('select id from subscribers where email = ?', prepared.email) === undefined, 'the reader is still stored']),
  },
  'app/(site)/account/actions.ts#signOutAction': {
    access: 'public',
    prepare: async (call) => ({ cookie: call.caller === 'anonymous' ? null : await call.freshSession() }),
    args: () => [],
    succeeded: (outcome) => firstProblem([outcome.redirect === '/account?done=signed-out', `sent to ${outcome.redirect}`]),
  },
  'app/(site)/join/actions.ts#requestJoinSignInLinkAction': {
    access: 'public',
    prepare: ({ fixtures }) => fixtures.subscriber(),
    args: (prepared: ReaderCall) => [form({ email: prepared.email })],
    succeeded: (outcome, prepared: ReaderCall, { fixtures }) =>
      firstProblem([fixtures.find("select id from outbox where to_address = ? and text like '%/account/sign-in?%callbackUrl=%2Fjoin%'", prepared.email) !== undefined, `no sign-in link back to /join went to ${prepared.email} (${outcome.redirect})`]),
  },
  'app/(site)/join/actions.ts#startCheckoutAction': {
    access: 'reader',
    prepare: paymentReader,
    args: (prepared: PaymentCall) => [form({ tier: prepared.slug, interval: 'monthly' })],
    refusals: everyone({ redirect: JOIN_SIGNED_OUT }),
    // The stand-in for Stripe answers a checkout page whose address repeats the reader and price it was sent.
    succeeded: (outcome, prepared: PaymentCall) => firstProblem([outcome.redirect.startsWith('/c/pay/') && outcome.redirect.endsWith(`?reader=${prepared.id}&price=${prepared.priceId}`), `sent to ${outcome.redirect}`]),
  },
  'app/(site)/join/actions.ts#manageBillingAction': {
    access: 'reader',
    prepare: async (call) => {
      const prepared = await paymentReader(call);
      call.fixtures.sqlite
        .prepare("insert into memberships (subscriber_id, tier_id, source, status, starts_at, provider_customer_id, provider_subscription_id) values (?, ?, 'payment', 'active', ?, ?, ?)")
        .run(prepared.id, prepared.tierId, Date.now(), prepared.customerId, prepared.subscriptionId);
      return prepared;
    },
    args: () => [],
    refusals: everyone({ redirect: JOIN_SIGNED_OUT }),
    succeeded: (outcome, prepared: PaymentCall) => firstProblem([outcome.redirect === `/p/session/${prepared.customerId}`, `sent to ${outcome.redirect}`]),
  },
  'app/(site)/subscribe/actions.ts#subscribeAction': {
    access: 'public',
    prepare: ({ fixtures }) => ({ email: `${fixtures.unique('subscriber')}@example.org` }),
    args: (prepared: { email: string }) => [{ status: 'idle' }, form({ email: prepared.email, wantsIssueEmail: 'on' })],
    succeeded: (outcome, prepared: { email: string }, { fixtures }) =>
      firstProblem([outcome.text.includes('"status":"sent"'), `not sent: ${outcome.text.slice(-200)}`], [fixtures.find("select id from subscribers where email = ? and status = 'pending'", prepared.email) !== undefined, 'no pending subscriber']),
  },
  'app/(site)/subscribe/actions.ts#confirmAction': {
    access: 'token',
    args: () => [form({ token: 'not-a-real-token' })],
    succeeded: () => 'a made-up token was accepted',
    refusals: everyone({ redirect: /^\/subscribe\/confirm\?failed=/ }),
    holder: {
      prepare: async ({ url, fixtures }) => {
        const email = `${fixtures.unique('confirming')}@example.org`;
        await fetch(`${url}/api/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, wantsIssueEmail: true }) });
        return { email, token: linkToken(fixtures, email, /\/subscribe\/confirm\?token=([^\s"&<]+)/) };
      },
      args: (prepared: { token: string }) => [form({ token: prepared.token })],
      succeeded: (outcome, prepared: { email: string }, { fixtures }) =>
        firstProblem([outcome.redirect === '/subscribe/confirm?done=confirmed', `sent to ${outcome.redirect}`], [fixtures.find("select id from subscribers where email = ? and status = 'confirmed'", prepared.email) !== undefined, 'not confirmed']),
    },
  },
  'app/desk/actions.ts#createFirstAdmin': {
    access: 'token',
    prepare: ({ fixtures }) => ({ email: `${fixtures.unique('intruder')}@example.org` }),
    args: (prepared: { email: string }) => [{ ok: false }, form({ name: 'Intruder', email: prepared.email, password: 'a long enough password' })],
    succeeded: () => 'an account was made while accounts exist',
    refusals: everyone({ says: 'already' }),
    // Only a database without any account may set one up: a second app on an empty database.
    holder: {
      prepare: async ({ fixtures }) => {
        const empty = await startEmptyApp();
        return { baseUrl: empty.url, databasePath: empty.databasePath, email: `${fixtures.unique('founder')}@example.org` };
      },
      args: (prepared: { email: string }) => [{ ok: false }, form({ name: 'Founding Admin', email: prepared.email, password: 'a long enough password' })],
      succeeded: (outcome, prepared: { email: string; databasePath: string }) => {
        const sqlite = new Database(prepared.databasePath, { readonly: true });
        const accounts = sqlite.prepare('select email, role from users').all() as { email: string; role: string }[];
        sqlite.close();
        return firstProblem([outcome.redirect === '/desk', `sent to ${outcome.redirect}`], [JSON.stringify(accounts) === JSON.stringify([{ email: prepared.email, role: 'admin' }]), `the accounts are ${JSON.stringify(accounts)}`]);
      },
    },
  },
  'app/desk/actions.ts#signOutAction': {
    access: 'public',
    prepare: async (call) => ({ cookie: call.caller === 'anonymous' ? null : await call.freshSession() }),
    args: () => [],
    succeeded: (outcome) => firstProblem([outcome.redirect.startsWith('/login'), `sent to ${outcome.redirect}`]),
  },
  'app/login/actions.ts#signInWithPassword': {
    access: 'public',
    args: () => [form({ email: 'author@demo.masthead', password: 'masthead-demo' })],
    succeeded: (outcome) => firstProblem([outcome.redirect === '/desk', `sent to ${outcome.redirect}`]),
  },
  'app/login/forgot/actions.ts#forgotPasswordAction': {
    access: 'public',
    prepare: ({ fixtures }) => {
      const staff = fixtures.spareStaff();
      fixtures.sqlite.prepare("update users set password_hash = (select password_hash from users where email = 'author@demo.masthead') where id = ?").run(staff.id);
      return staff;
    },
    args: (prepared: { email: string }) => [null, form({ email: prepared.email })],
    succeeded: (_outcome, prepared: { email: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from outbox where to_address = ? and text like '%/login/set-password?token=%'", prepared.email) !== undefined, `no reset link went to ${prepared.email}`]),
  },
  'app/login/set-password/actions.ts#setPasswordAction': {
    access: 'token',
    args: () => [null, form({ token: 'not-a-real-token', password: 'a long enough password', confirm: 'a long enough password' })],
    succeeded: () => 'a made-up token was accepted',
    refusals: everyone({ says: 'link' }),
    holder: {
      prepare: ({ fixtures }) => {
        const invitee = fixtures.spareStaff();
        return { email: invitee.email, token: fixtures.setPasswordLink(invitee.id) };
      },
      args: (prepared: { token: string }) => [null, form({ token: prepared.token, password: 'a long enough password', confirm: 'a long enough password' })],
      succeeded: (outcome, prepared: { email: string }, { fixtures }) =>
        firstProblem([outcome.text.includes('"ok":true'), `not set: ${outcome.text.slice(-200)}`], [fixtures.get<{ password_hash: string }>('select password_hash from users where email = ?', prepared.email).password_hash !== 'x', 'no password stored']),
    },
  },
  'app/desk/articles/actions.ts#createArticleAction': {
    access: 'staff',
    prepare: ({ fixtures }) => ({ title: `Matrix new ${fixtures.unique('t')}` }),
    args: (prepared: { title: string }) => [{}, form({ title: prepared.title })],
    succeeded: (outcome, prepared: { title: string }, call) => {
      const row = call.fixtures.find<{ id: number; created_by: number }>('select id, created_by from articles where title = ?', prepared.title);
      return firstProblem([row !== undefined, 'no article row'], [row?.created_by === call.fixtures.userId(staffCaller(call)), 'not created by the caller'], [outcome.redirect === `/desk/articles/${row?.id}`, `sent to ${outcome.redirect}`]);
    },
  },
  'app/desk/articles/actions.ts#restoreRevisionAction': {
    access: 'own',
    prepare: (call) => {
      const draft = authorsDraft(call);
      const revisionId = call.fixtures.get<{ id: number }>('select id from revisions where article_id = ?', draft.articleId).id;
      call.fixtures.sqlite.prepare("update articles set title = 'Changed since', version = 2 where id = ?").run(draft.articleId);
      return { ...draft, revisionId };
    },
    args: (prepared: ArticleCall & { revisionId: number }) => [form({ articleId: prepared.articleId, revisionId: prepared.revisionId })],
    succeeded: (outcome, prepared: ArticleCall, { fixtures }) =>
      firstProblem([/\?restored=\d+$/.test(outcome.redirect), `sent to ${outcome.redirect}`], [fixtures.get<{ title: string }>('select title from articles where id = ?', prepared.articleId).title === prepared.title, 'the old title is not back']),
    refusals: { 'other author': { redirect: /\/history\?error=That%20article%20does%20not%20exist/ } },
  },
  'app/desk/entities/actions.ts#createEntityAction': {
    access: 'staff',
    prepare: ({ fixtures }) => ({ name: `Matrix entity ${fixtures.unique('c')}` }),
    args: (prepared: { name: string }) => [null, form({ kind: 'topic', name: prepared.name, slug: prepared.name.toLowerCase().replace(/\W+/g, '-') })],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) => {
      const row = fixtures.find<{ id: number }>('select id from entities where name = ?', prepared.name);
      return firstProblem([row !== undefined, `no entity row (${outcome.redirect}${outcome.text.slice(-200)})`], [outcome.redirect === `/desk/entities/${row?.id}?created=1`, `sent to ${outcome.redirect}`]);
    },
  },
  'app/desk/entities/actions.ts#updateEntityAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.entity(),
    args: (prepared: { id: number }, { caller }) => [null, form({ entityId: prepared.id, kind: 'topic', name: `Renamed by ${caller}`, slug: `renamed-${prepared.id}` })],
    succeeded: (outcome, prepared: { id: number }, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ name: string }>('select name from entities where id = ?', prepared.id).name === `Renamed by ${caller}`, `not renamed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/entities/actions.ts#aliasAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ ...fixtures.entity(), alias: `Alias ${fixtures.unique('x')}` }),
    args: (prepared: { id: number; alias: string }) => [null, form({ entityId: prepared.id, alias: prepared.alias })],
    succeeded: (outcome, prepared: { id: number; alias: string }, { fixtures }) =>
      firstProblem([fixtures.find('select id from entity_aliases where entity_id = ? and alias = ?', prepared.id, prepared.alias) !== undefined, `no alias row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/entities/actions.ts#mergeEntitiesAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ sourceId: fixtures.entity().id, targetId: fixtures.entity().id }),
    args: (prepared: { sourceId: number; targetId: number }) => [null, form({ sourceId: prepared.sourceId, targetId: prepared.targetId })],
    succeeded: (outcome, prepared: { sourceId: number; targetId: number }, { fixtures }) =>
      firstProblem([fixtures.find('select id from entities where id = ?', prepared.sourceId) === undefined, `the source still exists: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith(`/desk/entities/${prepared.targetId}?merged=`), `sent to ${outcome.redirect}`]),
  },
  'app/desk/entities/actions.ts#deleteEntityAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.entity(),
    args: (prepared: { id: number }) => [null, form({ entityId: prepared.id })],
    succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
      firstProblem([fixtures.find('select id from entities where id = ?', prepared.id) === undefined, `the entity still exists: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith('/desk/entities?deleted='), `sent to ${outcome.redirect}`]),
  },
  'app/desk/entities/actions.ts#approveEntityAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.entity({ status: 'pending' }),
    args: (prepared: { id: number }) => [null, form({ entityId: prepared.id })],
    succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
      firstProblem([fixtures.get<{ status: string }>('select status from entities where id = ?', prepared.id).status === 'approved', `still pending: ${outcome.text.slice(-200)}`]),
    refusals: { author: { says: 'Only an editor can approve a new entity.' }, 'other author': { says: 'Only an editor can approve a new entity.' } },
  },
  'app/desk/import/actions.ts#commitDryRunAction': {
    access: 'admin',
    page: '/desk/import',
    prepare: ({ fixtures }) => {
      const file = path.join(os.tmpdir(), `${fixtures.unique('matrix-export')}.csv`);
      fs.writeFileSync(file, 'email,name,status\n');
      return { file, id: Number(fixtures.sqlite.prepare("insert into import_runs (source, file_name, file_path, is_dry_run, status) values ('subscribers', 'matrix.csv', ?, 1, 'done')").run(file).lastInsertRowid) };
    },
    args: (prepared: { id: number }) => [null, form({ runId: prepared.id })],
    succeeded: (outcome, prepared: { id: number; file: string }, { fixtures }) => {
      const real = fixtures.find<{ id: number; is_dry_run: number }>("select id, is_dry_run from import_runs where file_path = ? and json_extract(options, '$.fromDryRunId') = ?", prepared.file, prepared.id);
      holdImportJobs(fixtures);
      return firstProblem([real?.is_dry_run === 0, `no real run was started: ${outcome.text.slice(-200)}`], [outcome.redirect === `/desk/import/${real?.id}`, `sent to ${outcome.redirect}`]);
    },
    refusals: importRefusals('action'),
  },
  'app/desk/issues/actions.ts#createIssueAction': {
    access: 'editor',
    prepare: ({ fixtures }) => {
      const serial = fixtures.number();
      return { slug: `matrix-new-${serial}`, ...fixtures.issueNumbering(serial) };
    },
    args: (prepared: { slug: string; volume: number; number: number }) => [null, form({ slug: prepared.slug, title: `Issue ${prepared.slug}`, volume: prepared.volume, number: prepared.number, coverMonth: '2031-01' })],
    succeeded: (outcome, prepared: { slug: string }, { fixtures }) => {
      const row = fixtures.find<{ id: number }>('select id from issues where slug = ?', prepared.slug);
      return firstProblem([row !== undefined, `no issue row: ${outcome.text.slice(-200)}`], [outcome.redirect === `/desk/issues/${row?.id}?created=1`, `sent to ${outcome.redirect}`]);
    },
  },
  'app/desk/issues/actions.ts#updateIssueAction': {
    access: 'editor',
    page: '/desk/issues',
    prepare: ({ fixtures }) => fixtures.issue(),
    args: (prepared: { id: number; slug: string; volume: number; number: number }, { caller }) => [null, form({ issueId: prepared.id, slug: prepared.slug, title: `Renamed by ${caller}`, volume: prepared.volume, number: prepared.number, coverMonth: '2031-01' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ title: string }>('select title from issues where id = ?', prepared.id).title === `Renamed by ${caller}`, `not renamed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/issues/actions.ts#publishIssueAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.issueReadyToPublish(),
    args: (prepared: { id: number }) => [null, form({ issueId: prepared.id, intent: 'without-email' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
      firstProblem([fixtures.get<{ status: string }>('select status from issues where id = ?', prepared.id).status === 'published', `not published: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith(`/desk/issues/${prepared.id}?published=`), `sent to ${outcome.redirect}`]),
  },
  'app/desk/issues/actions.ts#addIssueArticleAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ issueId: fixtures.issue().id, articleId: fixtures.draft().id }),
    args: (prepared: { issueId: number; articleId: number }) => [{ issueId: prepared.issueId, articleId: prepared.articleId }],
    succeeded: (outcome, prepared: { issueId: number; articleId: number }, { fixtures }) =>
      firstProblem([fixtures.get<{ issue_id: number | null }>('select issue_id from articles where id = ?', prepared.articleId).issue_id === prepared.issueId, `not added: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/issues/actions.ts#removeIssueArticleAction': {
    access: 'editor',
    prepare: ({ fixtures }) => {
      const issueId = fixtures.issue().id;
      return { issueId, articleId: fixtures.draft({ issueId }).id };
    },
    args: (prepared: { issueId: number; articleId: number }) => [{ issueId: prepared.issueId, articleId: prepared.articleId }],
    succeeded: (outcome, prepared: { articleId: number }, { fixtures }) =>
      firstProblem([fixtures.get<{ issue_id: number | null }>('select issue_id from articles where id = ?', prepared.articleId).issue_id === null, `not removed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/issues/actions.ts#reorderIssueSectionAction': {
    access: 'editor',
    prepare: ({ fixtures }) => {
      const issueId = fixtures.issue().id;
      const sectionId = fixtures.section().id;
      const first = fixtures.draft({ issueId, sectionId }).id;
      const second = fixtures.draft({ issueId, sectionId }).id;
      return { issueId, sectionId, articleIds: [second, first] };
    },
    args: (prepared: { issueId: number; sectionId: number; articleIds: number[] }) => [{ issueId: prepared.issueId, sectionId: prepared.sectionId, articleIds: prepared.articleIds }],
    succeeded: (outcome, prepared: { articleIds: number[] }, { fixtures }) =>
      firstProblem([fixtures.get<{ issue_position: number | null }>('select issue_position from articles where id = ?', prepared.articleIds[1]).issue_position === 1, `not reordered: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/issues/actions.ts#searchIssueCandidatesAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ issueId: fixtures.issue().id, title: fixtures.draft().title }),
    args: (prepared: { issueId: number; title: string }) => [{ issueId: prepared.issueId, query: prepared.title }],
    succeeded: (outcome, prepared: { title: string }) => firstProblem([outcome.text.includes(prepared.title), `the draft is not offered: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/issues/[id]/email-preview/actions.ts#sendIssueTestAction': {
    access: 'editor',
    page: '/desk/issues',
    prepare: ({ fixtures }) => ({ issueId: fixtures.get<{ id: number }>("select id from issues where status = 'published' order by id desc limit 1").id, since: fixtures.get<{ id: number }>('select coalesce(max(id), 0) as id from outbox').id }),
    args: (prepared: { issueId: number }) => [null, form({ issueId: prepared.issueId })],
    succeeded: (outcome, prepared: { since: number }, { fixtures, caller }) =>
      firstProblem([outcome.text.includes('"ok":true'), `not sent: ${outcome.text.slice(-200)}`], [fixtures.find('select id from outbox where id > ? and to_address = ?', prepared.since, STAFF_EMAILS[caller as StaffCaller]) !== undefined, 'no test mail to the caller']),
  },
  'app/desk/sections/actions.ts#createSectionAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ name: `Matrix section ${fixtures.unique('n')}` }),
    args: (prepared: { name: string }) => [null, form({ name: prepared.name, slug: prepared.name.toLowerCase().replace(/\W+/g, '-'), description: '' })],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) => firstProblem([fixtures.find('select id from sections where name = ?', prepared.name) !== undefined, `no section row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/sections/actions.ts#updateSectionAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.section(),
    args: (prepared: { id: number }, { caller }) => [null, form({ sectionId: prepared.id, name: `Renamed by ${caller}`, slug: `renamed-section-${prepared.id}`, description: '' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ name: string }>('select name from sections where id = ?', prepared.id).name === `Renamed by ${caller}`, `not renamed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/sections/actions.ts#moveSectionAction': {
    access: 'editor',
    prepare: ({ fixtures }) => {
      const section = fixtures.section();
      return { ...section, position: fixtures.get<{ position: number }>('select position from sections where id = ?', section.id).position };
    },
    args: (prepared: { id: number }) => [{ id: prepared.id, direction: 'up' }],
    succeeded: (outcome, prepared: { id: number; position: number }, { fixtures }) =>
      firstProblem([fixtures.get<{ position: number }>('select position from sections where id = ?', prepared.id).position < prepared.position, `not moved: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/redirects/actions.ts#addRedirectAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ fromPath: `/matrix-added/${fixtures.unique('r')}` }),
    args: (prepared: { fromPath: string }) => [null, form({ from: prepared.fromPath, to: '/articles/matrix-new' })],
    succeeded: (outcome, prepared: { fromPath: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from redirects where from_path = ? and to_path = '/articles/matrix-new'", prepared.fromPath) !== undefined, `no redirect row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/redirects/actions.ts#removeRedirectAction': {
    access: 'editor',
    prepare: matrixRedirect,
    args: (prepared: RedirectCall) => [{ id: prepared.id }],
    succeeded: (outcome, prepared: RedirectCall, { fixtures }) => firstProblem([fixtures.find('select id from redirects where id = ?', prepared.id) === undefined, `the redirect is still there: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/redirects/actions.ts#importRedirectsAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ fromPath: `/matrix-imported/${fixtures.unique('r')}` }),
    args: (prepared: { fromPath: string }) => {
      const data = new FormData();
      data.append('file', new Blob([`from,to\n${prepared.fromPath},/articles/matrix-new\n`], { type: 'text/csv' }), 'redirects.csv');
      return [null, data];
    },
    succeeded: (outcome, prepared: { fromPath: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from redirects where from_path = ? and origin = 'csv'", prepared.fromPath) !== undefined, `no imported redirect row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/actions.ts#grantMembershipAction': {
    access: 'admin',
    prepare: (call) => ({ ...matrixTier(call), email: `${call.fixtures.unique('member')}@example.org` }),
    args: (prepared: TierCall & { email: string }) => [null, form({ email: prepared.email, name: '', tierId: prepared.tierId, endsOn: '2099-12-31', note: 'Matrix' })],
    succeeded: (outcome, prepared: TierCall & { email: string }, { fixtures }) =>
      firstProblem([
        fixtures.find("select m.id from memberships m join subscribers s on s.id = m.subscriber_id where s.email = ? and m.tier_id = ? and m.source = 'complimentary' and m.status = 'active'", prepared.email, prepared.tierId) !== undefined,
        `no membership row: ${outcome.text.slice(-200)}`,
      ]),
  },
  'app/desk/members/actions.ts#extendMembershipAction': {
    access: 'admin',
    prepare: matrixMembership,
    args: (prepared: MembershipCall) => [null, form({ membershipId: prepared.membershipId, endsOn: '2099-06-30' })],
    succeeded: (outcome, prepared: MembershipCall, { fixtures }) =>
      firstProblem([fixtures.get<{ ends_at: number }>('select ends_at from memberships where id = ?', prepared.membershipId).ends_at > Date.UTC(2099, 5, 29), `not extended: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/actions.ts#cancelMembershipAction': {
    access: 'admin',
    prepare: matrixMembership,
    args: (prepared: MembershipCall) => [{ membershipId: prepared.membershipId }],
    succeeded: (outcome, prepared: MembershipCall, { fixtures }) =>
      firstProblem([fixtures.get<{ status: string }>('select status from memberships where id = ?', prepared.membershipId).status === 'canceled', `not canceled: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/institutions/actions.ts#createInstitutionAction': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ name: `Matrix library ${fixtures.unique('n')}` }),
    args: (prepared: { name: string }, { fixtures }) => [null, form(institutionFields(prepared.name, fixtures))],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) =>
      firstProblem([fixtures.find('select i.id from institutions i join institution_ip_ranges r on r.institution_id = i.id join institution_domains d on d.institution_id = i.id where i.name = ? and i.seats = 10', prepared.name) !== undefined, `no institution with its rules: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/institutions/actions.ts#updateInstitutionAction': {
    access: 'admin',
    prepare: matrixInstitution,
    args: (prepared: InstitutionCall, { caller, fixtures }) => [null, form({ institutionId: prepared.institutionId, ...institutionFields(`Renamed by ${caller} ${prepared.institutionId}`, fixtures) })],
    succeeded: (outcome, prepared: InstitutionCall, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ name: string }>('select name from institutions where id = ?', prepared.institutionId).name === `Renamed by ${caller} ${prepared.institutionId}`, `not renamed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/institutions/actions.ts#deleteInstitutionAction': {
    access: 'admin',
    prepare: matrixInstitution,
    args: (prepared: InstitutionCall) => [null, form({ institutionId: prepared.institutionId })],
    succeeded: (outcome, prepared: InstitutionCall, { fixtures }) =>
      firstProblem([fixtures.find('select id from institutions where id = ?', prepared.institutionId) === undefined, `the institution is still there: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith('/desk/members/institutions?deleted='), `sent to ${outcome.redirect}`]),
  },
  'app/desk/members/tiers/actions.ts#createTierAction': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ name: `Matrix tier ${fixtures.unique('n')}` }),
    args: (prepared: { name: string }) => [null, form(tierFields(prepared.name))],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from membership_tiers where name = ? and monthly_price_cents = 800 and yearly_price_cents = 8000 and currency = 'usd'", prepared.name) !== undefined, `no tier row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/tiers/actions.ts#updateTierAction': {
    access: 'admin',
    prepare: matrixTier,
    args: (prepared: TierCall, { caller }) => [null, form({ tierId: prepared.tierId, ...tierFields(`Renamed by ${caller}`), slug: `renamed-tier-${prepared.tierId}` })],
    succeeded: (outcome, prepared: TierCall, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ name: string }>('select name from membership_tiers where id = ?', prepared.tierId).name === `Renamed by ${caller}`, `not renamed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/tiers/actions.ts#setTierActiveAction': {
    access: 'admin',
    prepare: matrixTier,
    args: (prepared: TierCall) => [null, form({ tierId: prepared.tierId, isActive: 'false' })],
    succeeded: (outcome, prepared: TierCall, { fixtures }) =>
      firstProblem([fixtures.get<{ is_active: number }>('select is_active from membership_tiers where id = ?', prepared.tierId).is_active === 0, `still offered: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/members/tiers/actions.ts#deleteTierAction': {
    access: 'admin',
    prepare: matrixTier,
    args: (prepared: TierCall) => [{ tierId: prepared.tierId }],
    succeeded: (outcome, prepared: TierCall, { fixtures }) => firstProblem([fixtures.find('select id from membership_tiers where id = ?', prepared.tierId) === undefined, `the tier is still there: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/integrations/[id]/actions.ts#addWebhookAction': {
    access: 'admin',
    page: '/desk/settings',
    prepare: (call) => ({ ...matrixIntegration(call), targetUrl: `https://hooks.example.org/${call.fixtures.unique('w')}` }),
    args: (prepared: IntegrationCall & { targetUrl: string }) => [null, form({ integrationId: prepared.integrationId, event: 'issue.published', targetUrl: prepared.targetUrl })],
    succeeded: (outcome, prepared: IntegrationCall & { targetUrl: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from webhooks where integration_id = ? and event = 'issue.published' and target_url = ?", prepared.integrationId, prepared.targetUrl) !== undefined, `no webhook row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/integrations/[id]/actions.ts#removeWebhookAction': {
    access: 'admin',
    page: '/desk/settings',
    prepare: matrixIntegration,
    args: (prepared: IntegrationCall) => [{ integrationId: prepared.integrationId, id: prepared.webhookId }],
    succeeded: (outcome, prepared: IntegrationCall, { fixtures }) => firstProblem([fixtures.find('select id from webhooks where id = ?', prepared.webhookId) === undefined, `the webhook is still there: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/integrations/[id]/actions.ts#resendDeliveryAction': {
    access: 'admin',
    page: '/desk/settings',
    prepare: matrixIntegration,
    args: (prepared: IntegrationCall) => [{ integrationId: prepared.integrationId, deliveryId: prepared.deliveryId }],
    succeeded: (outcome, prepared: IntegrationCall, { fixtures }) =>
      firstProblem([fixtures.get<{ status: string }>('select status from webhook_deliveries where id = ?', prepared.deliveryId).status === 'pending', `the delivery was not queued again: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/pages/actions.ts#createPageAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => ({ slug: fixtures.unique('matrix-page') }),
    args: (prepared: { slug: string }) => [null, form({ title: `Matrix page ${prepared.slug}`, slug: prepared.slug })],
    succeeded: (outcome, prepared: { slug: string }, { fixtures }) =>
      firstProblem([fixtures.find('select id from pages where slug = ?', prepared.slug) !== undefined, `no page row: ${outcome.text.slice(-200)}`], [/^\/desk\/pages\/\d+$/.test(outcome.redirect), `sent to ${outcome.redirect}`]),
  },
  'app/desk/pages/actions.ts#savePageAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => matrixPage(fixtures),
    args: (prepared: MatrixPage, { caller }) => [{ id: prepared.id, version: 1, title: `Saved by ${caller}`, slug: prepared.slug, seoDescription: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saved text.' }] }] } }],
    succeeded: (outcome, prepared: MatrixPage, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ title: string; version: number }>('select title, version from pages where id = ?', prepared.id).title === `Saved by ${caller}`, `not saved: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/pages/actions.ts#publishPageAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => matrixPage(fixtures),
    args: (prepared: MatrixPage) => [{ id: prepared.id, version: 1 }],
    succeeded: (outcome, prepared: MatrixPage, { fixtures }) =>
      firstProblem([fixtures.get<{ published_title: string | null }>('select published_title from pages where id = ?', prepared.id).published_title === prepared.title, `not published: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/pages/actions.ts#unpublishPageAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => matrixPage(fixtures, { isPublished: true }),
    args: (prepared: MatrixPage) => [{ id: prepared.id }],
    succeeded: (outcome, prepared: MatrixPage, { fixtures }) =>
      firstProblem([fixtures.get<{ status: string }>('select status from pages where id = ?', prepared.id).status === 'draft', `still published: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/pages/actions.ts#deletePageAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => matrixPage(fixtures),
    args: (prepared: MatrixPage) => [{ id: prepared.id }],
    succeeded: (outcome, prepared: MatrixPage, { fixtures }) =>
      firstProblem([fixtures.find('select id from pages where id = ?', prepared.id) === undefined, `not deleted: ${outcome.text.slice(-200)}`], [outcome.redirect === '/desk/pages?deleted=1', `sent to ${outcome.redirect}`]),
  },
  'app/desk/pages/actions.ts#saveNavigationAction': {
    access: 'editor',
    refusals: pageRefusals,
    prepare: ({ fixtures }) => ({ label: `Matrix link ${fixtures.unique('l')}` }),
    args: (prepared: { label: string }) => [{ menu: 'footer', items: [{ label: prepared.label, href: '/corrections' }] }],
    succeeded: (outcome, prepared: { label: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from navigation_items where menu = 'footer' and label = ?", prepared.label) !== undefined, `no footer link: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/actions.ts#updateSettingsAction': {
    access: 'admin',
    args: (_prepared, { caller }) => [null, form({ timeZone: caller === 'admin' ? 'Europe/Vienna' : 'Asia/Tokyo' })],
    succeeded: (outcome, _prepared, { fixtures }) => firstProblem([(fixtures.find<{ value: string }>("select value from settings where value like '%Europe/Vienna%'")) !== undefined, `not saved: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/integrations/actions.ts#createIntegrationAction': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ name: `Matrix integration ${fixtures.unique('i')}` }),
    args: (prepared: { name: string }) => [null, form({ name: prepared.name })],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) =>
      firstProblem([fixtures.find("select id from integrations where name = ? and length(content_key) = 26", prepared.name) !== undefined, `no integration row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/settings/integrations/actions.ts#revokeIntegrationAction': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ key: contentApiKey(fixtures) }),
    args: (prepared: { key: string }, { fixtures }) => [{ integrationId: fixtures.get<{ id: number }>('select id from integrations where content_key = ?', prepared.key).id }],
    succeeded: (outcome, prepared: { key: string }, { fixtures }) =>
      firstProblem([fixtures.find('select id from integrations where content_key = ? and revoked_at is not null', prepared.key) !== undefined, `the key was not revoked: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/staff/actions.ts#inviteStaffAction': {
    access: 'admin',
    prepare: ({ fixtures }) => ({ email: `${fixtures.unique('invitee')}@example.org` }),
    args: (prepared: { email: string }) => [null, form({ name: 'Matrix Invitee', email: prepared.email, role: 'author' })],
    succeeded: (outcome, prepared: { email: string }, { fixtures }) => firstProblem([fixtures.find('select id from users where email = ?', prepared.email) !== undefined, `no user row: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/staff/actions.ts#staffMemberAction': {
    access: 'admin',
    prepare: ({ fixtures }) => fixtures.spareStaff(),
    args: (prepared: { id: number }) => [null, form({ userId: prepared.id, intent: 'role', role: 'editor', name: 'Spare Author' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures }) => firstProblem([fixtures.get<{ role: string }>('select role from users where id = ?', prepared.id).role === 'editor', `role not changed: ${outcome.text.slice(-200)}`]),
  },
  'app/desk/staff/actions.ts#createContributorAction': {
    access: 'editor',
    prepare: ({ fixtures }) => ({ name: `Matrix Guest ${fixtures.unique('g')}` }),
    args: (prepared: { name: string }) => [null, form({ name: prepared.name, slug: prepared.name.toLowerCase().replace(/\W+/g, '-'), bio: '' })],
    succeeded: (outcome, prepared: { name: string }, { fixtures }) => firstProblem([fixtures.find('select id from contributors where name = ?', prepared.name) !== undefined, `no contributor row: ${outcome.text.slice(-200)}`]),
    refusals: { author: { says: 'Only editors and administrators can add or change guest contributors.' }, 'other author': { says: 'Only editors and administrators can add or change guest contributors.' } },
  },
  'app/desk/staff/actions.ts#updateContributorAction': {
    access: 'editor',
    prepare: ({ fixtures }) => fixtures.contributor(),
    args: (prepared: { id: number }, { caller }) => [null, form({ contributorId: prepared.id, name: `Renamed by ${caller}`, slug: `renamed-guest-${prepared.id}`, bio: '' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures, caller }) =>
      firstProblem([fixtures.get<{ name: string }>('select name from contributors where id = ?', prepared.id).name === `Renamed by ${caller}`, `not renamed: ${outcome.text.slice(-200)}`]),
    refusals: { author: { says: 'Only editors and administrators can add or change guest contributors.' }, 'other author': { says: 'Only editors and administrators can add or change guest contributors.' } },
  },
  'app/desk/staff/actions.ts#approveContributorAction': {
    access: 'editor',
    page: '/desk/staff',
    prepare: ({ fixtures }) => fixtures.contributor({ reviewStatus: 'pending' }),
    args: (prepared: { id: number }, { caller }) => [null, form({ contributorId: prepared.id, name: `Approved by ${caller}`, affiliation: 'Matrix Institute', slug: '' })],
    succeeded: (outcome, prepared: { id: number }, { fixtures, caller }) =>
      firstProblem([
        fixtures.find("select id from contributors where id = ? and review_status = 'approved' and name = ?", prepared.id, `Approved by ${caller}`) !== undefined,
        `not approved: ${outcome.text.slice(-200)}`,
      ], [outcome.redirect.startsWith('/desk/staff?approved='), `sent to ${outcome.redirect}`]),
    refusals: reviewRefusals,
  },
  'app/desk/staff/actions.ts#mergeContributorAction': {
    access: 'editor',
    page: '/desk/staff',
    prepare: ({ fixtures }) => ({ sourceId: fixtures.contributor({ reviewStatus: 'pending' }).id, targetId: fixtures.contributor().id }),
    args: (prepared: { sourceId: number; targetId: number }) => [null, form({ contributorId: prepared.sourceId, targetId: prepared.targetId })],
    succeeded: (outcome, prepared: { sourceId: number }, { fixtures }) =>
      firstProblem([fixtures.find('select id from contributors where id = ?', prepared.sourceId) === undefined, `the guest still exists: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith('/desk/staff?merged='), `sent to ${outcome.redirect}`]),
    refusals: reviewRefusals,
  },
  'app/desk/staff/actions.ts#deleteContributorAction': {
    access: 'editor',
    page: '/desk/staff',
    prepare: ({ fixtures }) => fixtures.contributor({ reviewStatus: 'pending' }),
    args: (prepared: { id: number }) => [null, form({ contributorId: prepared.id })],
    succeeded: (outcome, prepared: { id: number }, { fixtures }) =>
      firstProblem([fixtures.find('select id from contributors where id = ?', prepared.id) === undefined, `the guest still exists: ${outcome.text.slice(-200)}`], [outcome.redirect.startsWith('/desk/staff?deleted='), `sent to ${outcome.redirect}`]),
    refusals: reviewRefusals,
  },
};

/** A live Content API key, written straight into the database. */
function contentApiKey(fixtures: MatrixFixtures): string {
  const key = randomBytes(13).toString('hex');
  fixtures.sqlite.prepare('insert into integrations (name, content_key) values (?, ?)').run(`Matrix ${fixtures.unique('key')}`, key);
  return key;
}

function everyone(refusal: Refusal): Record<Caller, Refusal> {
  return { anonymous: refusal, reader: refusal, author: refusal, 'other author': refusal, editor: refusal, admin: refusal };
}

function signedOutImages(): Partial<Record<Caller, Refusal>> {
  return { anonymous: { status: 401, says: SIGN_IN_FOR_IMAGES }, reader: { status: 401, says: SIGN_IN_FOR_IMAGES } };
}


/** Staff who are not admins are told who may import; a signed-out caller is asked to sign in. */
function importRefusals(kind: 'route' | 'action'): Partial<Record<Caller, Refusal>> {
  const forbidden = kind === 'route' ? { status: 403, says: IMPORT_FORBIDDEN } : { says: IMPORT_FORBIDDEN };
  const signedOut = kind === 'route' ? { anonymous: { status: 401, says: 'Sign in to import.' }, reader: { status: 401, says: 'Sign in to import.' } } : {};
  return { ...signedOut, author: forbidden, 'other author': forbidden, editor: forbidden };
}

/** Keeps the worker off the import just started, so it cannot change the database under the next row's refusals. */
function holdImportJobs(fixtures: MatrixFixtures): void {
  fixtures.sqlite.prepare("update jobs set run_after = ? where kind = 'import' and status = 'queued'").run(Number.MAX_SAFE_INTEGER);
}

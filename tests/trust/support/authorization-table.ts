/**
 * Who may call each route handler and server action. The matrix test lists every route (from the files
 * under app/) and every server action (from the build's manifest) and fails on any that is missing here,
 * so a new endpoint cannot be left out.
 *
 * access:
 * - public: anyone (only "no server error" is checked)
 * - token: anyone holding a secret (the test holds none: refused and nothing changes)
 * - reader: a signed-in reader; staff and anonymous are refused
 * - staff: any signed-in staff member
 * - own: the article's own author, editors and admins; another author is refused
 * - editor: editors and admins
 * - admin: admins only
 */
export type Access = 'public' | 'token' | 'reader' | 'staff' | 'own' | 'editor' | 'admin';

export type Ids = {
  ownArticleId: number;
  otherArticleId: number;
  entityId: number;
  issueId: number;
  sectionId: number;
  userId: number;
  contributorId: number;
  noteId: number;
  revisionId: number;
};

export type RouteCall = { access: Access; path: (ids: Ids, articleId: number) => string; body?: (ids: Ids, articleId: number) => unknown };

/** Keys: `METHOD /pattern`, the pattern as the file path says it (route groups dropped). */
export const ROUTES: Record<string, RouteCall> = {
  'GET /account/export': { access: 'reader', path: () => '/account/export' },
  'GET /atom.xml': { access: 'public', path: () => '/atom.xml' },
  'GET /feed.xml': { access: 'public', path: () => '/feed.xml' },
  'GET /authors/[slug]/feed.xml': { access: 'public', path: () => '/authors/dana-whitfield/feed.xml' },
  'GET /countries/[slug]/feed.xml': { access: 'public', path: () => '/countries/russia/feed.xml' },
  'GET /issues/[slug]/feed.xml': { access: 'public', path: () => '/issues/2025-04/feed.xml' },
  'GET /organizations/[slug]/feed.xml': { access: 'public', path: () => '/organizations/iaea/feed.xml' },
  'GET /people/[slug]/feed.xml': { access: 'public', path: () => '/people/rafael-grossi/feed.xml' },
  'GET /sections/[slug]/feed.xml': { access: 'public', path: () => '/sections/news/feed.xml' },
  'GET /topics/[slug]/feed.xml': { access: 'public', path: () => '/topics/nuclear-testing/feed.xml' },
  'GET /treaties/[slug]/feed.xml': { access: 'public', path: () => '/treaties/new-start/feed.xml' },
  'GET /api/health': { access: 'public', path: () => '/api/health' },
  'GET /api/media/[id]/[file]': { access: 'public', path: () => '/api/media/1/w480.webp' },
  'POST /api/subscribe': { access: 'public', path: () => '/api/subscribe', body: () => ({ email: 'matrix@example.org', wantsIssueEmail: true }) },
  'GET /api/unsubscribe': { access: 'token', path: () => '/api/unsubscribe?token=not-a-real-token' },
  'POST /api/unsubscribe': { access: 'token', path: () => '/api/unsubscribe?token=not-a-real-token', body: () => 'List-Unsubscribe=One-Click' },
  'POST /api/internal/revalidate': { access: 'token', path: () => '/api/internal/revalidate', body: () => ({ tags: ['home'] }) },
  'GET /api/desk/articles/[id]': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}` },
  'PUT /api/desk/articles/[id]': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}`, body: () => ({ baseVersion: 1, reason: 'save', title: 'Matrix', dek: '', slug: 'matrix-save', body: { type: 'doc', content: [] }, sectionId: null, issueId: null, authorContributorIds: [], seoTitle: '', seoDescription: '', featuredMediaId: null }) },
  'GET /api/desk/articles/[id]/dismissals': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/dismissals` },
  'POST /api/desk/articles/[id]/dismissals': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/dismissals`, body: () => ({ key: 'name:matrix person' }) },
  'PUT /api/desk/articles/[id]/embargo': { access: 'editor', path: (_ids, id) => `/api/desk/articles/${id}/embargo`, body: () => ({ until: '2099-01-01T09:00' }) },
  'GET /api/desk/articles/[id]/notes': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/notes` },
  'POST /api/desk/articles/[id]/notes': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/notes`, body: () => ({ body: 'A note from the matrix.' }) },
  'PATCH /api/desk/articles/[id]/notes/[noteId]': { access: 'own', path: (ids, id) => `/api/desk/articles/${id}/notes/${ids.noteId}`, body: () => ({ action: 'resolve' }) },
  'POST /api/desk/articles/[id]/presence': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/presence`, body: () => ({}) },
  'DELETE /api/desk/articles/[id]/presence': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/presence` },
  'GET /api/desk/articles/[id]/preview-links': { access: 'editor', path: (_ids, id) => `/api/desk/articles/${id}/preview-links` },
  'POST /api/desk/articles/[id]/preview-links': { access: 'editor', path: (_ids, id) => `/api/desk/articles/${id}/preview-links`, body: () => ({ label: 'Matrix', expiresInHours: 2 }) },
  'DELETE /api/desk/articles/[id]/preview-links': { access: 'editor', path: (_ids, id) => `/api/desk/articles/${id}/preview-links?id=1` },
  'GET /api/desk/articles/[id]/workflow': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/workflow` },
  'POST /api/desk/articles/[id]/workflow': { access: 'own', path: (_ids, id) => `/api/desk/articles/${id}/workflow`, body: () => ({ action: 'submit' }) },
  'POST /api/desk/entities': { access: 'staff', path: () => '/api/desk/entities', body: () => ({ kind: 'topic', name: 'Matrix topic' }) },
  'GET /api/desk/entities/search': { access: 'staff', path: () => '/api/desk/entities/search?q=rus' },
  'POST /api/desk/entities/suggest': { access: 'staff', path: () => '/api/desk/entities/suggest', body: () => ({ text: 'Russia and the IAEA.' }) },
  'GET /api/desk/link-targets': { access: 'staff', path: () => '/api/desk/link-targets?q=treaty' },
  'GET /api/desk/media': { access: 'staff', path: () => '/api/desk/media' },
  'POST /api/desk/media': { access: 'staff', path: () => '/api/desk/media', body: () => ({}) },
  'GET /api/desk/media/[id]': { access: 'staff', path: () => '/api/desk/media/1' },
  'PATCH /api/desk/media/[id]': { access: 'staff', path: () => '/api/desk/media/1', body: () => ({ alt: 'x' }) },
  'GET /api/desk/notifications': { access: 'staff', path: () => '/api/desk/notifications' },
  'POST /api/desk/notifications': { access: 'staff', path: () => '/api/desk/notifications', body: () => ({ ids: 'all' }) },
  'GET /api/desk/staff-directory': { access: 'staff', path: () => '/api/desk/staff-directory?q=a' },
};

export type ActionCall = { access: Access; args: (ids: Ids) => ActionArgument[]; page: string };
/** A FormData's fields (turned into FormData by the caller), or a plain value. */
export type ActionArgument = { form: Record<string, string> } | unknown;

const form = (fields: Record<string, string | number>) => ({ form: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)])) });

/** Keys: `<file>#<export>`. */
export const ACTIONS: Record<string, ActionCall> = {
  'app/(site)/account/actions.ts#requestSignInLinkAction': { access: 'public', page: '/account', args: () => [form({ email: 'matrix-reader@example.org' })] },
  'app/(site)/account/actions.ts#saveChoicesAction': { access: 'reader', page: '/account', args: () => [form({ wantsIssueEmail: 'false', alertFrequency: 'weekly' })] },
  'app/(site)/account/actions.ts#unsubscribeAllAction': { access: 'reader', page: '/account', args: () => [] },
  'app/(site)/account/actions.ts#resubscribeAction': { access: 'reader', page: '/account', args: () => [] },
  'app/(site)/account/actions.ts#deleteDataAction': { access: 'reader', page: '/account', args: () => [form({ confirm: 'delete' })] },
  'app/(site)/account/actions.ts#signOutAction': { access: 'public', page: '/account', args: () => [] },
  'app/(site)/subscribe/actions.ts#subscribeAction': { access: 'public', page: '/subscribe', args: () => [null, form({ email: 'matrix-sub@example.org', wantsIssueEmail: 'on' })] },
  'app/(site)/subscribe/actions.ts#confirmAction': { access: 'token', page: '/subscribe', args: () => [form({ token: 'not-a-real-token' })] },
  'app/desk/actions.ts#createFirstAdmin': { access: 'token', page: '/desk', args: () => [{ ok: false }, form({ name: 'Intruder', email: 'intruder@example.org', password: 'a long enough password' })] },
  'app/desk/actions.ts#signOutAction': { access: 'public', page: '/desk', args: () => [] },
  'app/login/actions.ts#signInWithPassword': { access: 'public', page: '/login', args: () => [form({ email: 'nobody@example.org', password: 'wrong password' })] },
  'app/login/forgot/actions.ts#forgotPasswordAction': { access: 'public', page: '/login/forgot', args: () => [null, form({ email: 'nobody@example.org' })] },
  'app/login/set-password/actions.ts#setPasswordAction': { access: 'token', page: '/login/set-password', args: () => [null, form({ token: 'not-a-real-token', password: 'a long enough password', confirm: 'a long enough password' })] },
  'app/desk/articles/actions.ts#createArticleAction': { access: 'staff', page: '/desk/articles/new', args: () => [{ ok: false }, form({ title: 'Matrix article' })] },
  'app/desk/articles/actions.ts#restoreRevisionAction': { access: 'own', page: '/desk', args: (ids) => [form({ articleId: ids.ownArticleId, revisionId: ids.revisionId })] },
  'app/desk/entities/actions.ts#createEntityAction': { access: 'staff', page: '/desk/entities/new', args: () => [{ ok: false }, form({ kind: 'topic', name: 'Matrix entity', slug: 'matrix-entity' })] },
  'app/desk/entities/actions.ts#updateEntityAction': { access: 'editor', page: '/desk/entities', args: (ids) => [{ ok: false }, form({ entityId: ids.entityId, kind: 'topic', name: 'Renamed by matrix', slug: 'renamed-by-matrix' })] },
  'app/desk/entities/actions.ts#aliasAction': { access: 'editor', page: '/desk/entities', args: (ids) => [{ ok: false }, form({ entityId: ids.entityId, alias: 'Matrix alias' })] },
  'app/desk/entities/actions.ts#mergeEntitiesAction': { access: 'editor', page: '/desk/entities', args: (ids) => [{ ok: false }, form({ sourceId: ids.entityId, targetId: ids.entityId + 1 })] },
  'app/desk/entities/actions.ts#deleteEntityAction': { access: 'editor', page: '/desk/entities', args: (ids) => [{ ok: false }, form({ entityId: ids.entityId })] },
  'app/desk/issues/actions.ts#createIssueAction': { access: 'editor', page: '/desk/issues/new', args: () => [null, form({ slug: '2031-01', title: 'January 2031', volume: 99, number: 1, coverDate: '2031-01-01' })] },
  'app/desk/issues/actions.ts#updateIssueAction': { access: 'editor', page: '/desk/issues', args: (ids) => [null, form({ issueId: ids.issueId, title: 'Renamed issue' })] },
  'app/desk/issues/actions.ts#publishIssueAction': { access: 'editor', page: '/desk/issues', args: (ids) => [null, form({ issueId: ids.issueId, intent: 'without-email' })] },
  'app/desk/issues/actions.ts#addIssueArticleAction': { access: 'editor', page: '/desk/issues', args: (ids) => [{ issueId: ids.issueId, articleId: ids.otherArticleId }] },
  'app/desk/issues/actions.ts#removeIssueArticleAction': { access: 'editor', page: '/desk/issues', args: (ids) => [{ issueId: ids.issueId, articleId: ids.otherArticleId }] },
  'app/desk/issues/actions.ts#reorderIssueSectionAction': { access: 'editor', page: '/desk/issues', args: (ids) => [{ issueId: ids.issueId, sectionId: ids.sectionId, articleIds: [] }] },
  'app/desk/issues/actions.ts#searchIssueCandidatesAction': { access: 'editor', page: '/desk/issues', args: (ids) => [{ issueId: ids.issueId, query: 'a' }] },
  'app/desk/issues/[id]/email-preview/actions.ts#sendIssueTestAction': { access: 'editor', page: '/desk/issues', args: (ids) => [null, form({ issueId: ids.issueId })] },
  'app/desk/sections/actions.ts#createSectionAction': { access: 'editor', page: '/desk/sections', args: () => [null, form({ name: 'Matrix section', slug: 'matrix-section', description: '' })] },
  'app/desk/sections/actions.ts#updateSectionAction': { access: 'editor', page: '/desk/sections', args: (ids) => [null, form({ sectionId: ids.sectionId, name: 'Renamed section', slug: 'renamed-section', description: '' })] },
  'app/desk/sections/actions.ts#moveSectionAction': { access: 'editor', page: '/desk/sections', args: (ids) => [{ id: ids.sectionId, direction: 'down' }] },
  'app/desk/settings/actions.ts#updateSettingsAction': { access: 'admin', page: '/desk/settings', args: () => [null, form({ timeZone: 'Europe/Vienna' })] },
  'app/desk/staff/actions.ts#inviteStaffAction': { access: 'admin', page: '/desk/staff', args: () => [null, form({ name: 'Matrix Invitee', email: 'invitee@example.org', role: 'author' })] },
  'app/desk/staff/actions.ts#staffMemberAction': { access: 'admin', page: '/desk/staff', args: (ids) => [null, form({ userId: ids.userId, intent: 'role', role: 'editor' })] },
  'app/desk/staff/actions.ts#createContributorAction': { access: 'editor', page: '/desk/staff', args: () => [null, form({ name: 'Matrix Guest', slug: 'matrix-guest', bio: '' })] },
  'app/desk/staff/actions.ts#updateContributorAction': { access: 'editor', page: '/desk/staff', args: (ids) => [null, form({ contributorId: ids.contributorId, name: 'Renamed Guest', slug: 'renamed-guest', bio: '' })] },
};

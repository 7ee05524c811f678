import type { StaffRole } from '@/db/schema';

/**
 * Who may do what. `own` means only on articles the person is an author (or the creator) of;
 * where an action is about workflow state (e.g. editing a published article), the workflow
 * module adds its own rule on top of this one.
 */
export type Scope = 'any' | 'own' | 'none';

export const ACTIONS = [
  'article.create',
  'article.view',
  'article.edit',
  'article.delete',
  'article.submit',
  'article.review',
  'article.publish',
  'article.correct',
  'issue.manage',
  'section.manage',
  'entity.create',
  'entity.edit',
  'entity.merge',
  'entity.delete',
  'media.upload',
  'media.edit',
  'audit.view',
  'mail.view',
  'contributor.add-guest',
  'contributor.manage',
  'user.manage',
  'settings.manage',
  'page.edit',
  'page.publish',
  'navigation.manage',
  'redirect.manage',
  'import.run',
  'export.download',
  'integration.manage',
  'member.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

export const POLICY: Record<Action, Record<StaffRole, Scope>> = {
  'article.create': { author: 'any', editor: 'any', admin: 'any' },
  'article.view': { author: 'own', editor: 'any', admin: 'any' },
  'article.edit': { author: 'own', editor: 'any', admin: 'any' },
  'article.delete': { author: 'own', editor: 'any', admin: 'any' },
  'article.submit': { author: 'own', editor: 'any', admin: 'any' },
  'article.review': { author: 'none', editor: 'any', admin: 'any' },
  'article.publish': { author: 'none', editor: 'any', admin: 'any' },
  'article.correct': { author: 'none', editor: 'any', admin: 'any' },
  'issue.manage': { author: 'none', editor: 'any', admin: 'any' },
  'section.manage': { author: 'none', editor: 'any', admin: 'any' },
  'entity.create': { author: 'any', editor: 'any', admin: 'any' },
  'entity.edit': { author: 'none', editor: 'any', admin: 'any' },
  'entity.merge': { author: 'none', editor: 'any', admin: 'any' },
  'entity.delete': { author: 'none', editor: 'any', admin: 'any' },
  'media.upload': { author: 'any', editor: 'any', admin: 'any' },
  'media.edit': { author: 'own', editor: 'any', admin: 'any' },
  'audit.view': { author: 'none', editor: 'any', admin: 'any' },
  'mail.view': { author: 'none', editor: 'any', admin: 'any' },
  'contributor.add-guest': { author: 'any', editor: 'any', admin: 'any' },
  'contributor.manage': { author: 'none', editor: 'any', admin: 'any' },
  'user.manage': { author: 'none', editor: 'none', admin: 'any' },
  'settings.manage': { author: 'none', editor: 'none', admin: 'any' },
  'page.edit': { author: 'none', editor: 'any', admin: 'any' },
  'page.publish': { author: 'none', editor: 'any', admin: 'any' },
  'navigation.manage': { author: 'none', editor: 'any', admin: 'any' },
  'redirect.manage': { author: 'none', editor: 'any', admin: 'any' },
  // Importing writes the whole archive, bylines and subscribers; exporting reads all of it, subscribers included.
  'import.run': { author: 'none', editor: 'none', admin: 'any' },
  'export.download': { author: 'none', editor: 'none', admin: 'any' },
  'integration.manage': { author: 'none', editor: 'none', admin: 'any' },
  // Members are the magazine's revenue and readers' personal data (names, addresses, contracts): circulation is the publisher's business, not the newsroom's.
  'member.manage': { author: 'none', editor: 'none', admin: 'any' },
};

export function can({ role, action, isOwn = false }: { role: StaffRole; action: Action; isOwn?: boolean }): boolean {
  const scope = POLICY[action][role];
  return scope === 'any' || (scope === 'own' && isOwn);
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export function assertCan(input: { role: StaffRole; action: Action; isOwn?: boolean }): void {
  if (!can(input)) throw new ForbiddenError();
}

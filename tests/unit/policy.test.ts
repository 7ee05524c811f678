import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '@/db/schema';
import { ACTIONS, can, type Action } from '@/lib/staff/auth/policy';

// The newsroom's rules, written out by hand: A = any article, O = only one's own, - = never.
// Columns: author, editor, admin.
const EXPECTED: Record<Action, string> = {
  'article.create': 'A A A',
  'article.view': 'O A A',
  'article.edit': 'O A A',
  'article.delete': 'O A A',
  'article.submit': 'O A A',
  'article.review': '- A A',
  'article.publish': '- A A',
  'article.correct': '- A A',
  'issue.manage': '- A A',
  'section.manage': '- A A',
  'entity.create': 'A A A',
  'entity.edit': '- A A',
  'entity.merge': '- A A',
  'entity.delete': '- A A',
  'media.upload': 'A A A',
  'media.edit': 'O A A',
  'audit.view': '- A A',
  'mail.view': '- A A',
  'contributor.add-guest': 'A A A',
  'contributor.manage': '- A A',
  'user.manage': '- - A',
  'settings.manage': '- - A',
  'page.edit': '- A A',
  'page.publish': '- A A',
  'navigation.manage': '- A A',
  'redirect.manage': '- A A',
  'import.run': '- - A',
  'export.download': '- - A',
  'integration.manage': '- - A',
  'member.manage': '- - A',
};

const cells = ACTIONS.flatMap((action) =>
  STAFF_ROLES.map((role, column) => ({ action, role, rule: EXPECTED[action].split(' ')[column] })),
);

describe('permission policy', () => {
  it('has a written expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(cells)('$role / $action on their own article: $rule', ({ action, role, rule }) => {
    expect(can({ role, action, isOwn: true })).toBe(rule === 'A' || rule === 'O');
  });

  it.each(cells)("$role / $action on someone else's article: $rule", ({ action, role, rule }) => {
    expect(can({ role, action, isOwn: false })).toBe(rule === 'A');
  });
});

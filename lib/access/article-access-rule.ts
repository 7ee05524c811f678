import type { AccessLevel } from '@/db/schema';

/** What the public site knows about who may read an article's whole body, from its published snapshot. */
export type ArticleAccessRule = {
  access: AccessLevel;
  /** The tiers whose members may read it, when `access` is `tiers`. */
  tierIds: number[];
  /** The first month (`YYYY-MM`) in which the article is free under its issue's archive rule; null: never. */
  freeFromMonth: string | null;
};

/** A rule that lets everyone in: public articles and anything the site cannot tie to a rule. */
export const PUBLIC_ACCESS_RULE: ArticleAccessRule = { access: 'public', tierIds: [], freeFromMonth: null };

/**
 * The month an issue's gated articles become public: `months` after the cover month (`YYYY-MM-01`).
 * Null when the issue has no archive rule or no readable cover date.
 */
export function archiveFreeMonth({ coverDate, months }: { coverDate: string | null; months: number | null }): string | null {
  if (months === null || !coverDate) return null;
  const match = /^(\d{4})-(\d{2})/.exec(coverDate);
  if (!match) return null;
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whether only some readers may read the whole body in `month` (`YYYY-MM`, the site's time zone). */
export function isGatedIn({ rule, month }: { rule: ArticleAccessRule; month: string }): boolean {
  if (rule.access === 'public') return false;
  return rule.freeFromMonth === null || month < rule.freeFromMonth;
}

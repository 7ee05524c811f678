import { describe, expect, it } from 'vitest';
import type { EntityKind } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { updateSiteSettingsAudited } from '@/lib/staff/audit/update-site-settings-audited';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createEntity } from '@/lib/entities/create-entity';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { createTestArticle } from '../factories/article';
import { createTestEntity, docWithMentions, setArticleText, type TestMention } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** A published article naming one entity of each kind twice, and an author's still-pending person once. */
async function articleWithRepeatedMentions() {
  const named = (kind: EntityKind, name: string) => {
    const entity = createTestEntity({ kind, name });
    return { mention: { entityId: entity.id, kind, label: name } satisfies TestMention, href: `/${PATHS[kind]}/${entity.slug}` };
  };
  const country = named('country', 'Poland');
  const treaty = named('treaty', 'Mine Ban Treaty');
  const person = named('person', 'Donald Tusk');
  const organization = named('organization', 'NATO');
  const topic = named('topic', 'Landmines');
  const author = await createTestStaff({ role: 'author' });
  const created = createEntity({ actor: author, input: { kind: 'person', name: 'Pat Pending', slug: 'pat-pending', facts: {} } });
  if (!created.ok) throw new Error(created.error);
  const pending = { mention: { entityId: created.id, kind: 'person' as const, label: 'Pat Pending' }, href: '/people/pat-pending' };
  const everyone = [country, treaty, person, organization, topic];
  const article = createTestArticle({ title: 'Tusk and the treaty', entityIds: [...everyone, pending].map((entity) => entity.mention.entityId) });
  setArticleText({
    articleId: article.id,
    body: docWithMentions([
      ...everyone.flatMap((entity) => [entity.mention, ' said, and ']),
      pending.mention,
      ' agreed. Later ',
      ...everyone.flatMap((entity) => [entity.mention, ' again; ']),
    ]),
  });
  return { slug: article.slug, entities: { country, treaty, person, organization, topic, pending } };
}

const PATHS: Record<EntityKind, string> = { country: 'countries', treaty: 'treaties', person: 'people', organization: 'organizations', topic: 'topics' };

/** How many links in the body go to each entity's page. */
function linkCounts(html: string, entities: Record<string, { href: string }>): Record<string, number> {
  return Object.fromEntries(Object.entries(entities).map(([name, entity]) => [name, html.split(`href="${entity.href}"`).length - 1]));
}

function mentionLabels(html: string): string[] {
  return [...html.matchAll(/class="entity-mention"[^>]*>([^<]*)</g)].map((match) => match[1]!);
}

describe('entity links in an article’s text', () => {
  it('by default link the first mention of each person, treaty and organization, and never a country, a topic or a pending entity', async () => {
    const article = await articleWithRepeatedMentions();
    const { html } = getPublishedArticle(article.slug)!;
    expect(linkCounts(html, article.entities)).toEqual({ country: 0, treaty: 1, person: 1, organization: 1, topic: 0, pending: 0 });
    // Every mention keeps its text and its markup, linked or not.
    expect(mentionLabels(html).filter((label) => label === 'Poland')).toHaveLength(2);
    expect(mentionLabels(html).filter((label) => label === 'Pat Pending')).toHaveLength(1);
    expect(html).toContain('<a class="entity-mention" href="/people/donald-tusk">Donald Tusk</a> said');
  });

  it('follow the kinds an admin chooses in the settings', async () => {
    const article = await articleWithRepeatedMentions();
    const admin = await createTestStaff({ role: 'admin' });
    expect(updateSiteSettingsAudited({ actor: admin, input: { linkedEntityKinds: ['country', 'topic'] } })).toMatchObject({ ok: true });
    const { html } = getPublishedArticle(article.slug)!;
    expect(linkCounts(html, article.entities)).toEqual({ country: 1, treaty: 0, person: 0, organization: 0, topic: 1, pending: 0 });
  });

  it('can be switched off entirely, leaving the mentions as text', async () => {
    const article = await articleWithRepeatedMentions();
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { linkedEntityKinds: [] } });
    const { html } = getPublishedArticle(article.slug)!;
    expect(html).not.toContain('<a ');
    expect(mentionLabels(html)).toHaveLength(11);
  });
});

describe('the “link in article text” setting', () => {
  it('defaults to people, treaties and organizations', () => {
    expect(getSiteSettings().linkedEntityKinds).toEqual(['treaty', 'person', 'organization']);
  });

  it('is stored for an admin without touching the time zone', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { timeZone: 'Europe/Warsaw' } });
    expect(updateSiteSettingsAudited({ actor: admin, input: { linkedEntityKinds: ['person', 'country', 'person'] } })).toMatchObject({ ok: true });
    expect(getSiteSettings()).toEqual({ siteName: 'Masthead', timeZone: 'Europe/Warsaw', linkedEntityKinds: ['country', 'person'] });
  });

  it('refuses a kind that does not exist, says which, and keeps the old choice', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const result = updateSiteSettingsAudited({ actor: admin, input: { linkedEntityKinds: ['person', 'planet'] } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { linkedEntityKinds: expect.stringContaining('countries, treaties, people, organizations or topics') } });
    expect(getSiteSettings().linkedEntityKinds).toEqual(['treaty', 'person', 'organization']);
  });

  it('is refused to an editor with the reason, and the same change succeeds for an admin', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    expect(() => updateSiteSettingsAudited({ actor: editor, input: { linkedEntityKinds: ['country'] } })).toThrow(new ForbiddenError('You do not have permission to do that.'));
    expect(getSiteSettings().linkedEntityKinds).toEqual(['treaty', 'person', 'organization']);
    const admin = await createTestStaff({ role: 'admin' });
    updateSiteSettingsAudited({ actor: admin, input: { linkedEntityKinds: ['country'] } });
    expect(getSiteSettings().linkedEntityKinds).toEqual(['country']);
  });
});

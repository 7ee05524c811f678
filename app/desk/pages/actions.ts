'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { NAVIGATION_MENUS } from '@/lib/site/navigation/menus';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { saveNavigation } from '@/lib/site/navigation/save-navigation';
import { createPage } from '@/lib/site/pages/create-page';
import { deletePage } from '@/lib/site/pages/delete-page';
import { publishPage, unpublishPage } from '@/lib/site/pages/publish-page';
import { savePage } from '@/lib/site/pages/save-page';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const NOT_AN_EDITOR = 'Only editors and administrators can change the site’s pages and menus.';
const refusals = { forbidden: NOT_AN_EDITOR };

export const createPageAction = staffAction({
  name: 'page.create',
  permission: 'page.edit',
  refusals,
  input: z.object({ title: formText, slug: formText }),
  returnTo: '/desk/pages',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = createPage({ actor: staff, input });
    if (!result.ok) return result;
    revalidatePath('/desk/pages');
    return { ok: true, redirectTo: `/desk/pages/${result.id}` };
  },
});

export const savePageAction = staffAction({
  name: 'page.save',
  permission: 'page.edit',
  refusals,
  input: z.object({ id: formId, version: formId, title: formText, slug: formText, seoDescription: formText, body: z.unknown() }),
  returnTo: ({ id }) => `/desk/pages/${Number(id)}`,
  audit: 'in-domain',
  run: ({ staff, input: { id, version, ...fields } }) =>
    changingPage(id, () => {
      const result = savePage({ actor: staff, id, baseVersion: version, input: fields });
      return result.ok ? { ok: true as const, version: result.version, message: 'Saved.' } : result;
    }),
});

export const publishPageAction = staffAction({
  name: 'page.publish',
  permission: 'page.publish',
  refusals,
  input: z.object({ id: formId, version: formId }),
  returnTo: ({ id }) => `/desk/pages/${Number(id)}`,
  audit: 'in-domain',
  run: ({ staff, input }) =>
    changingPage(input.id, () => {
      const result = publishPage({ actor: staff, id: input.id, version: input.version });
      return result.ok ? { ok: true as const, message: `Published at /${result.slug}.` } : result;
    }),
});

export const unpublishPageAction = staffAction({
  name: 'page.unpublish',
  permission: 'page.publish',
  refusals,
  input: z.object({ id: formId }),
  returnTo: ({ id }) => `/desk/pages/${Number(id)}`,
  audit: 'in-domain',
  run: ({ staff, input }) =>
    changingPage(input.id, () => {
      const result = unpublishPage({ actor: staff, id: input.id });
      return result.ok ? { ok: true as const, message: `Unpublished: /${result.slug} no longer shows the page.` } : result;
    }),
});

export const deletePageAction = staffAction({
  name: 'page.delete',
  permission: 'page.publish',
  refusals,
  input: z.object({ id: formId }),
  returnTo: '/desk/pages',
  audit: 'in-domain',
  run: ({ staff, input }) =>
    changingPage(input.id, () => {
      deletePage({ actor: staff, id: input.id });
      return { ok: true as const, redirectTo: '/desk/pages?deleted=1' };
    }),
});

const linkSchema = z.object({ label: z.string().max(200), href: z.string().max(1000) });

export const saveNavigationAction = staffAction({
  name: 'navigation.save',
  permission: 'navigation.manage',
  refusals,
  input: z.object({ menu: z.enum(NAVIGATION_MENUS, { error: 'Say which menu: header or footer.' }), items: z.array(linkSchema).max(100) }),
  returnTo: '/desk/pages/navigation',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = saveNavigation({ actor: staff, menu: input.menu, items: input.items });
    if (!result.ok) return result;
    revalidatePath('/desk/pages/navigation');
    expireReaderContent({ kind: 'navigation' });
    return { ok: true, message: `Saved the ${input.menu} menu: ${result.count === 0 ? 'the built-in links show again' : `${result.count} ${result.count === 1 ? 'link' : 'links'}`}.` };
  },
});

/** A page change can move or remove what readers see at its address: expire the page as it stood before and after. */
function changingPage<Result extends { ok: boolean }>(id: number, change: () => Result): Result {
  const before = readerContentTags({ kind: 'page', pageIds: [id] });
  const result = change();
  if (result.ok) {
    revalidatePath('/desk/pages');
    expireReaderContent({ kind: 'page', pageIds: [id] }, { before });
  }
  return result;
}

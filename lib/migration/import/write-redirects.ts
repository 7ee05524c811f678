import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { redirects, REDIRECT_ORIGINS, type RedirectOrigin } from '@/db/schema';
import { preparedQuery } from '@/db/prepared-query';
import { claim, plannedClaim, warn, type ImportContext, type ImportTx } from './import-context';
import type { OldUrls } from './import-model';
import { oldUrlPath } from './old-url-path';

/** Each old address of an item answers 301 with its new page; one already leading elsewhere is left alone and reported. */
export function writeRedirects(tx: ImportTx, context: ImportContext, { oldUrls, toPath }: { oldUrls: OldUrls; toPath: string }): void {
  const origin = redirectOrigin(context.source);
  const redirectTo = preparedQuery('redirect-to', (db) =>
    db
      .select({ toPath: redirects.toPath })
      .from(redirects)
      .where(eq(redirects.fromPath, sql.placeholder('fromPath')))
      .prepare(),
  );
  // Inserted together after the checks; an address given twice by the item is added once.
  const added = new Map<string, string>();
  for (const oldUrl of oldUrls) {
    const fromPath = oldUrlPath(oldUrl, context.siteUrl);
    if (!fromPath || fromPath === toPath.toLowerCase()) continue;
    const existing = added.get(fromPath) ?? redirectTo.get({ fromPath })?.toPath ?? plannedClaim(context, 'redirect', fromPath);
    if (existing === undefined) {
      added.set(fromPath, toPath);
      claim(context, 'redirect', fromPath, toPath);
    } else if (existing !== toPath) {
      warn(context, `The old address ${fromPath} already redirects to ${existing}; it was left as it is.`);
    }
  }
  if (added.size > 0) tx.insert(redirects).values([...added.keys()].map((fromPath) => ({ fromPath, toPath, origin, createdBy: context.actorId }))).run();
}

function redirectOrigin(source: string): RedirectOrigin {
  const prefix = source.split(':')[0] as RedirectOrigin;
  return REDIRECT_ORIGINS.includes(prefix) ? prefix : 'manual';
}

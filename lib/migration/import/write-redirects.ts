import 'server-only';
import { eq } from 'drizzle-orm';
import { redirects, REDIRECT_ORIGINS, type RedirectOrigin } from '@/db/schema';
import { claim, plannedClaim, warn, type ImportContext, type ImportTx } from './import-context';
import type { OldUrls } from './import-model';
import { oldUrlPath } from './old-url-path';

/** Each old address of an item answers 301 with its new page; one already leading elsewhere is left alone and reported. */
export function writeRedirects(tx: ImportTx, context: ImportContext, { oldUrls, toPath }: { oldUrls: OldUrls; toPath: string }): void {
  const origin = redirectOrigin(context.source);
  for (const oldUrl of oldUrls) {
    const fromPath = oldUrlPath(oldUrl, context.siteUrl);
    if (!fromPath || fromPath === toPath.toLowerCase()) continue;
    const existing = tx.select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).get()?.toPath ?? plannedClaim(context, 'redirect', fromPath);
    if (existing === undefined) {
      tx.insert(redirects).values({ fromPath, toPath, origin, createdBy: context.actorId }).run();
      claim(context, 'redirect', fromPath, toPath);
    } else if (existing !== toPath) {
      warn(context, `The old address ${fromPath} already redirects to ${existing}; it was left as it is.`);
    }
  }
}

function redirectOrigin(source: string): RedirectOrigin {
  const prefix = source.split(':')[0] as RedirectOrigin;
  return REDIRECT_ORIGINS.includes(prefix) ? prefix : 'manual';
}

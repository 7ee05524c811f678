import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors, publishedArticleAuthors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanReviewContributors } from './can-review-contributors';
import { loadGuestContributor } from './load-guest-contributor';
import type { UserWriteResult } from './user-write-result';

/** Removes a guest no byline names, working or published; one in use must be merged instead. Editors and admins. */
export function deleteGuestContributor({ actor, id }: { actor: StaffIdentity; id: number }): UserWriteResult<{ name: string }> {
  assertCanReviewContributors(actor.role);
  return getDb().transaction((tx): UserWriteResult<{ name: string }> => {
    const guest = loadGuestContributor(tx, id);
    const { used } = tx
      .select({
        used: sql<number>`(select count(*) from (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.contributorId} = ${id}
          union select ${publishedArticleAuthors.articleId} from ${publishedArticleAuthors} where ${publishedArticleAuthors.contributorId} = ${id}))`,
      })
      .from(contributors)
      .where(eq(contributors.id, id))
      .get()!;
    if (used > 0) {
      return { ok: false, error: `${guest.name} is in the byline of ${used} ${used === 1 ? 'article' : 'articles'}; merge them into another contributor instead.` };
    }
    tx.delete(contributors).where(eq(contributors.id, id)).run();
    recordAudit(tx, { actorId: actor.id, action: 'contributor.delete', subjectType: 'contributor', subjectId: id, note: guest.name, data: { slug: guest.slug } });
    return { ok: true, name: guest.name };
  });
}

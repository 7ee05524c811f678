// One writer process for the concurrency check: saves one article again and again, as fast as it can,
// each time on top of the version it last saw, and reports what the server said to every save.
import { closeDb } from '@/db/client';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { saveArticle } from '@/lib/articles/save-article';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';

const [articleIdText, countText, label, actorJson] = process.argv.slice(2);
const articleId = Number(articleIdText);
const count = Number(countText);
const actor = JSON.parse(actorJson!) as StaffIdentity;

const acknowledged: { version: number; marker: string }[] = [];
let conflicts = 0;
const errors: string[] = [];
let current = getArticleForEdit({ id: articleId, actor });

for (let step = 1; step <= count; step += 1) {
  const marker = `${label}-${step}`;
  try {
    const result = saveArticle({
      id: articleId,
      actor,
      input: {
        baseVersion: current.version,
        reason: 'save',
        title: current.title,
        dek: current.dek,
        slug: current.slug,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: marker }] }] },
        sectionId: current.sectionId,
        issueId: current.issueId,
        authorContributorIds: current.authors.map((author) => author.id),
        seoTitle: current.seoTitle,
        seoDescription: current.seoDescription,
        featuredMediaId: current.featuredImage?.id ?? null,
      },
    });
    if (result.ok) {
      acknowledged.push({ version: result.version, marker });
      current = { ...current, version: result.version };
    } else if (result.kind === 'conflict') {
      conflicts += 1;
      // As a writer who takes the newer text and carries on.
      current = getArticleForEdit({ id: articleId, actor });
    } else {
      errors.push(`refused: ${result.error}`);
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
    current = getArticleForEdit({ id: articleId, actor });
  }
}
closeDb();
process.stdout.write(`${JSON.stringify({ label, articleId, acknowledged, conflicts, errors })}\n`);

import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, type ArticleStatus } from '@/db/schema';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { createTestSection, paragraphDoc } from './article';
import { createTestEntity } from './entity';

let sequence = 0;

const LONG_TEXT = Array.from({ length: 40 }, (_, index) => `Sentence ${index + 1} about the treaty and its verification regime.`).join(' ');

/**
 * A working copy that passes the preflight checklist (title, dek, byline, section, a tag, text),
 * owned by `owner` (creator and byline), set straight into `status`.
 */
export function createReadyArticle({
  owner,
  status = 'draft' as ArticleStatus,
  embargoedUntil = null as Date | null,
  scheduledFor = null as Date | null,
}: {
  owner: { id: number; contributorId: number };
  status?: ArticleStatus;
  embargoedUntil?: Date | null;
  scheduledFor?: Date | null;
}): { id: number; slug: string; entityId: number } {
  sequence += 1;
  const db = getDb();
  const sectionId = createTestSection(`Ready ${sequence}`);
  const entity = createTestEntity({ kind: 'treaty', name: `Ready Treaty ${sequence}` });
  const body = paragraphDoc(LONG_TEXT);
  const derived = deriveArticleText(body);
  const slug = `ready-article-${sequence}`;
  const article = db
    .insert(articles)
    .values({
      slug,
      title: `Ready article ${sequence}`,
      dek: 'Why this matters, in one sentence.',
      body,
      bodyText: derived.text,
      wordCount: derived.wordCount,
      excerpt: derived.excerpt,
      sectionId,
      status,
      createdBy: owner.id,
      embargoedUntil,
      scheduledFor,
    })
    .returning({ id: articles.id })
    .get();
  db.insert(articleAuthors).values({ articleId: article.id, contributorId: owner.contributorId, position: 0 }).run();
  db.insert(articleEntities).values({ articleId: article.id, entityId: entity.id, source: 'manual' }).run();
  return { id: article.id, slug, entityId: entity.id };
}

export function readStatus(articleId: number): ArticleStatus {
  return getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, articleId)).get()!.status;
}

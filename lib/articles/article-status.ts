/** The workflow states an article moves through. */
export type { ArticleStatus } from '@/db/schema';

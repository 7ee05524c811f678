/** Where an issue stands: planning, ready or published. */
export type { IssueStatus } from '@/db/schema';

/** The kinds of public note a republished article can carry. */
export type { CorrectionKind } from '@/db/schema';

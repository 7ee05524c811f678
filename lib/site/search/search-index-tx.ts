import 'server-only';
import type { Db } from '@/db/client';

/** What the index writers need from a database or an open transaction: the publishing step passes its own. */
export type SearchIndexTx = Pick<Db, 'select' | 'insert' | 'delete'>;

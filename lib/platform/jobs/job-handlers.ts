import 'server-only';
import { runImportJob } from '@/lib/migration/import/run-import-job';
import type { JobHandler } from './run-jobs';

/** What the worker runs for each kind of job. Each handler is idempotent: a job may run again after a crash. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  import: runImportJob,
};

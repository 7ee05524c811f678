import 'server-only';
import { deliverWebhook } from '@/lib/api/webhooks/deliver-webhook';
import { WEBHOOK_JOB_KIND } from '@/lib/api/webhooks/queue-webhook-event';
import { EDGE_PURGE_JOB_KIND, purgeEdge } from '@/lib/platform/edge/purge-edges';
import { runImportJob } from '@/lib/migration/import/run-import-job';
import type { JobHandler } from './run-jobs';

/** What the worker runs for each kind of job. Each handler is idempotent: a job may run again after a crash. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [WEBHOOK_JOB_KIND]: deliverWebhook,
  import: runImportJob,
  [EDGE_PURGE_JOB_KIND]: purgeEdge,
};

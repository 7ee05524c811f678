import 'server-only';
import type { WorkflowAction } from '@/lib/articles/workflow';

const PUBLIC_ACTIONS: ReadonlySet<WorkflowAction> = new Set(['publish', 'update', 'unpublish']);

/** Whether a workflow request (as sent, before validation) is a move that changes what readers see. */
export function changesPublicSite(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !('action' in input)) return false;
  return PUBLIC_ACTIONS.has((input as { action: unknown }).action as WorkflowAction);
}

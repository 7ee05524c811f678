/** Where a message in the outbox stands. */
export { OUTBOX_STATUSES, type OutboxStatus } from '@/db/schema';

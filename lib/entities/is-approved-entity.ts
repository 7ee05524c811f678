import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import { entities } from '@/db/schema';

/** What makes an entity visible to readers: an editor made or approved it. */
export function isApprovedEntity(): SQL {
  return eq(entities.status, 'approved');
}

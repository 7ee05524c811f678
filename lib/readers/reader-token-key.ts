import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from '@/lib/staff/auth/auth-secret';
import { getConfig } from '@/lib/platform/config/get-config';

const keys = new Map<string, Buffer>();

/** A key for one use (`purpose`), derived from the site's secret so no two uses can stand in for each other. */
export function readerTokenKey(purpose: string): Buffer {
  // The secret comes from the environment or the data folder; remember the key per source, not per process.
  const source = `${process.env.AUTH_SECRET ? 'env' : getConfig().dataDir}:${purpose}`;
  let key = keys.get(source);
  if (!key) {
    key = crypto.createHmac('sha256', getAuthSecret()).update(`masthead:${purpose}`).digest();
    keys.set(source, key);
  }
  return key;
}

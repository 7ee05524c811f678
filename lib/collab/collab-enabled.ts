import 'server-only';

/** Live co-editing is on unless `COLLAB_ENABLED` is `off` (or `0`, `false`); off, the editor saves versions as before. */
export function isCollabEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', '0', 'false', 'no'].includes((env.COLLAB_ENABLED ?? '').trim().toLowerCase());
}

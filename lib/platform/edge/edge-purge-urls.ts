/** The edges to purge: `EDGE_PURGE_URLS`, a comma-separated list of addresses; none when unset. */
export function edgePurgeUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.EDGE_PURGE_URLS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

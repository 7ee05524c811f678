import net from 'node:net';

/** The one key every request shares whose X-Forwarded-For list no configured proxy vouches for. */
export const UNVERIFIED_FORWARDED = 'forwarded-unverified';

/**
 * The address a request came from, for rate limits. Next gives route handlers and server actions no
 * socket address: it writes the peer into X-Forwarded-For only when the request has none, and keeps a
 * header the client sent. So:
 * - without TRUSTED_PROXIES, a single entry is taken as Next's record of the peer, and any longer list
 *   (which Next never writes) counts as one shared key, so a client cannot choose among addresses;
 * - with TRUSTED_PROXIES (IPs or CIDRs, comma-separated), the list is read from the right, past the
 *   proxies named there, to the first address they did not add: entries a client wrote are ignored.
 * X-Real-IP is never read: any client can send it.
 */
export function clientIp(headers: Headers, { trustedProxies = process.env.TRUSTED_PROXIES ?? '' }: { trustedProxies?: string } = {}): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (hops.length === 0) return 'unknown';
  const trusted = trustedProxyList(trustedProxies);
  if (!trusted) return hops.length === 1 ? hops[0]! : UNVERIFIED_FORWARDED;
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!isTrusted(trusted, hops[index]!)) return hops[index]!;
  }
  return hops[0]!;
}

const lists = new Map<string, net.BlockList | null>();

function trustedProxyList(setting: string): net.BlockList | null {
  if (lists.has(setting)) return lists.get(setting)!;
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  let list: net.BlockList | null = null;
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
    const bits = prefix === undefined ? null : Number(prefix);
    if (!family || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= (family === 'ipv6' ? 128 : 32)))) {
      console.error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range; it is ignored.`);
      continue;
    }
    list ??= new net.BlockList();
    if (bits === null) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  lists.set(setting, list);
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
  return family !== null && list.check(address, family);
}

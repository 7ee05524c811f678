import { clientIp } from '@/lib/staff/auth/client-ip';
import { ipAddressKey } from './ip-range';

/**
 * The client address institutional access may rely on, or null when none can be trusted. Next keeps an
 * X-Forwarded-For a client sent and only writes the socket address when there is none, so without
 * TRUSTED_PROXIES every address Next shows could have been written by the client: IP access is then off.
 * With TRUSTED_PROXIES, the address is the one the nearest trusted proxy saw (`clientIp`), and entries a
 * client put to its left are ignored.
 */
export function institutionAddress(headers: Headers, { trustedProxies = process.env.TRUSTED_PROXIES ?? '' }: { trustedProxies?: string } = {}): string | null {
  if (trustedProxies.trim() === '') return null;
  const address = clientIp(headers, { trustedProxies });
  return ipAddressKey(address) ? address : null;
}

import net from 'node:net';

/** An IPv4 or IPv6 range with its bounds as fixed-width lower-case hex, as `institution_ip_ranges` stores them. */
export type IpRange = { cidr: string; family: 4 | 6; first: string; last: string };

export type ParsedIpRange = { ok: true; range: IpRange } | { ok: false; error: string };

const EXAMPLE = 'Write an address or a range such as 192.0.2.0/24 or 2001:db8::/32.';

/**
 * Reads one range as an editor types it: `192.0.2.0/24`, `2001:db8::/32`, or a single address (a /32 or
 * /128). A range with bits set after its prefix is refused with the range it probably meant, since
 * silently widening or narrowing it would let in, or shut out, people nobody chose.
 */
export function parseIpRange(text: string): ParsedIpRange {
  const written = text.trim();
  if (written === '') return { ok: false, error: `The range is empty. ${EXAMPLE}` };
  const [addressPart = '', prefixPart, ...rest] = written.split('/');
  const address = addressBytes(addressPart);
  if (!address || rest.length > 0) return { ok: false, error: `"${written}" is not an IP address or range. ${EXAMPLE}` };
  const width = address.length * 8;
  let prefix = width;
  if (prefixPart !== undefined) {
    if (!/^\d{1,3}$/.test(prefixPart) || Number(prefixPart) > width) {
      return { ok: false, error: `"${written}": the part after the slash must be a whole number from 0 to ${width} for an IPv${address.length === 4 ? 4 : 6} range.` };
    }
    prefix = Number(prefixPart);
  }
  const first = maskBytes(address, prefix, 0);
  const last = maskBytes(address, prefix, 0xff);
  const family = address.length === 4 ? 4 : 6;
  const base = formatBytes(first);
  if (hex(first) !== hex(address)) {
    return { ok: false, error: `"${written}" has address bits set after the /${prefix} prefix. Did you mean ${base}/${prefix}?` };
  }
  return { ok: true, range: { cidr: `${base}/${prefix}`, family, first: hex(first), last: hex(last) } };
}

/**
 * The key a client address is looked up by (same encoding as a range's bounds), or null when the text is
 * not an address. An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is read as the IPv4 one it is.
 */
export function ipAddressKey(text: string): { family: 4 | 6; key: string } | null {
  const bytes = addressBytes(text.trim());
  if (!bytes) return null;
  return { family: bytes.length === 4 ? 4 : 6, key: hex(bytes) };
}

/** Whether two ranges share at least one address. */
export function ipRangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function addressBytes(text: string): Uint8Array | null {
  const unbracketed = text.replace(/^\[(.*)\]$/, '$1');
  if (net.isIPv4(unbracketed)) return Uint8Array.from(unbracketed.split('.').map(Number));
  if (!net.isIPv6(unbracketed) || unbracketed.includes('%')) return null;
  const bytes = ipv6Bytes(unbracketed);
  const isMappedV4 = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return isMappedV4 ? bytes.slice(12) : bytes;
}

function ipv6Bytes(text: string): Uint8Array {
  // An IPv4 tail (`::ffff:192.0.2.1`) is rewritten as the two words it stands for.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  const words = net.isIPv4(tail)
    ? `${text.slice(0, lastColon + 1)}${tail
        .split('.')
        .map(Number)
        .reduce<number[]>((pairs, byte, index) => (index % 2 === 0 ? [...pairs, byte << 8] : [...pairs.slice(0, -1), pairs.at(-1)! | byte]), [])
        .map((word) => word.toString(16))
        .join(':')}`
    : text;
  const [head = '', rest] = words.split('::');
  const headWords = head === '' ? [] : head.split(':');
  const restWords = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array<string>(8 - headWords.length - restWords.length).fill('0');
  const bytes = new Uint8Array(16);
  [...headWords, ...zeros, ...restWords].forEach((word, index) => {
    const value = parseInt(word, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function maskBytes(bytes: Uint8Array, prefix: number, fill: 0 | 0xff): Uint8Array {
  return bytes.map((byte, index) => {
    const kept = Math.max(0, Math.min(8, prefix - index * 8));
    const keepMask = (0xff << (8 - kept)) & 0xff;
    return (byte & keepMask) | (fill & ~keepMask & 0xff);
  });
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function formatBytes(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  const words: string[] = [];
  for (let index = 0; index < 16; index += 2) words.push(((bytes[index]! << 8) | bytes[index + 1]!).toString(16));
  // The longest run of zero words becomes "::", as RFC 5952 writes addresses.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && words[start + length] === '0') length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  if (bestStart === -1) return words.join(':');
  return `${words.slice(0, bestStart).join(':')}::${words.slice(bestStart + bestLength).join(':')}`;
}

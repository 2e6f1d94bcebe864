/**
 * IP addresses as IOS configs and logs print them, including the publication damage seen in real pastes
 * (`2001: DB8::3`). Pure string work, no regex backtracking: addresses are split on '.' and ':'.
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** 4 bytes for IPv4, 8 16-bit groups for IPv6. */
  parts: readonly number[];
}

/** A set of addresses: a prefix (`10.0.0.0 255.0.0.0`, `::/0`, a host is a full-length prefix). */
export interface AddressMatch {
  family: IpFamily;
  address: IpAddress;
  prefixLength: number;
}

function parseIpv4(text: string): IpAddress | null {
  const pieces = text.split('.');
  if (pieces.length !== 4) return null;
  const parts: number[] = [];
  for (const piece of pieces) {
    if (piece.length === 0 || piece.length > 3 || !/^\d+$/.test(piece)) return null;
    const n = Number(piece);
    if (n > 255) return null;
    parts.push(n);
  }
  return { family: 4, parts };
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  for (const piece of text.split(':')) {
    if (piece.length === 0 || piece.length > 4 || !/^[\da-f]+$/i.test(piece)) return null;
    groups.push(parseInt(piece, 16));
  }
  return groups;
}

function parseIpv6(text: string): IpAddress | null {
  const zone = text.indexOf('%');
  const bare = zone >= 0 ? text.slice(0, zone) : text;
  const halves = bare.split('::');
  if (halves.length > 2) return null;
  let tail = halves[halves.length - 1] ?? '';
  // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  let v4: number[] = [];
  const lastColon = tail.lastIndexOf(':');
  const lastPiece = tail.slice(lastColon + 1);
  if (lastPiece.includes('.')) {
    const ip4 = parseIpv4(lastPiece);
    if (!ip4) return null;
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = ip4.parts;
    v4 = [(b0 << 8) | b1, (b2 << 8) | b3];
    tail = lastColon >= 0 ? tail.slice(0, lastColon) : '';
  }
  if (halves.length === 1) {
    const groups = parseGroups(tail);
    if (!groups || groups.length + v4.length !== 8) return null;
    return { family: 6, parts: [...groups, ...v4] };
  }
  const head = parseGroups(halves[0] ?? '');
  const rest = parseGroups(tail);
  if (!head || !rest) return null;
  const missing = 8 - head.length - rest.length - v4.length;
  if (missing < 1) return null;
  return { family: 6, parts: [...head, ...new Array<number>(missing).fill(0), ...rest, ...v4] };
}

/** Parses an IPv4 or IPv6 address; spaces inside (`2001: DB8::3`) are publication damage and are removed. */
export function parseIp(text: string): IpAddress | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.includes(':')) return parseIpv6(compact);
  return parseIpv4(compact);
}

/**
 * A key that orders address texts as an engineer reads them: IPv4 by number (10.0.0.9 before 10.0.0.10), then
 * IPv6 by number, then names and texts that are no address, alphabetically. Compared with `<`.
 */
export function addressOrderKey(text: string): string {
  const ip = parseIp(text);
  if (ip === null) return `3${text}`;
  const width = ip.family === 4 ? 3 : 5;
  return `${ip.family === 4 ? 1 : 2}${ip.parts.map((p) => String(p).padStart(width, '0')).join('')}`;
}

/** The canonical text of an address: dotted IPv4, or RFC 5952 compressed lower-case IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return ip.parts.join('.');
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (ip.parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && ip.parts[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = ip.parts.map((p) => p.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical text for any address-like string, or the string itself (trimmed, spaces removed) when not an address. */
export function normalizeAddress(text: string): string {
  const ip = parseIp(text);
  return ip ? formatIp(ip) : text.replace(/\s+/g, '').toLowerCase();
}

function bitLength(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

function bitsPerPart(family: IpFamily): number {
  return family === 4 ? 8 : 16;
}

/** Number of leading one bits of a dotted mask (255.255.255.0 → 24); null when the mask is not contiguous. */
export function maskToPrefix(mask: string, inverted = false): number | null {
  const ip = parseIp(mask);
  if (!ip || ip.family !== 4) return null;
  let prefix = 0;
  let seenZero = false;
  for (const part of ip.parts) {
    const byte = inverted ? 255 - part : part;
    for (let bit = 7; bit >= 0; bit--) {
      const one = ((byte >> bit) & 1) === 1;
      if (one && seenZero) return null;
      if (one) prefix++;
      else seenZero = true;
    }
  }
  return prefix;
}

/** A host match: the whole address. */
export function hostMatch(ip: IpAddress): AddressMatch {
  return { family: ip.family, address: ip, prefixLength: bitLength(ip.family) };
}

/** Parses `A`, `A MASK`, `A WILDCARD` (inverted) or `P/len` into an address set. */
export function parseAddressMatch(address: string, mask?: string, wildcard = false): AddressMatch | null {
  const slash = address.indexOf('/');
  if (slash >= 0 && mask === undefined) {
    const ip = parseIp(address.slice(0, slash));
    const length = Number(address.slice(slash + 1));
    if (!ip || !Number.isInteger(length) || length < 0 || length > bitLength(ip.family)) return null;
    return { family: ip.family, address: ip, prefixLength: length };
  }
  const ip = parseIp(address);
  if (!ip) return null;
  if (mask === undefined) {
    // `crypto isakmp key K address 0.0.0.0` with no mask means every IPv4 peer.
    const unspecified = ip.parts.every((p) => p === 0);
    return unspecified ? { family: ip.family, address: ip, prefixLength: 0 } : hostMatch(ip);
  }
  const prefix = maskToPrefix(mask, wildcard);
  if (prefix === null || ip.family !== 4) return null;
  return { family: 4, address: ip, prefixLength: prefix };
}

/** True when the address lies inside the set. */
export function matchesAddress(match: AddressMatch, ip: IpAddress): boolean {
  if (match.family !== ip.family) return false;
  const per = bitsPerPart(ip.family);
  let remaining = match.prefixLength;
  for (let i = 0; i < ip.parts.length && remaining > 0; i++) {
    const bits = Math.min(per, remaining);
    const shift = per - bits;
    if ((match.address.parts[i] ?? 0) >> shift !== (ip.parts[i] ?? 0) >> shift) return false;
    remaining -= bits;
  }
  return true;
}

/** True when every address of `inner` is inside `outer`. */
export function containsMatch(outer: AddressMatch, inner: AddressMatch): boolean {
  return outer.family === inner.family && outer.prefixLength <= inner.prefixLength && matchesAddress(outer, inner.address);
}

/** Text for an address set: `10.0.0.0/8`, `host 10.0.0.1` style is left to callers. */
export function formatMatch(match: AddressMatch): string {
  if (match.prefixLength === 0) return match.family === 4 ? 'any' : '::/0';
  return `${formatIp(match.address)}/${match.prefixLength}`;
}

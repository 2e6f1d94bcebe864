/**
 * Addresses as they appear in pasted logs: IPv6 damaged by publication (`2001: DB8::2` with a space,
 * `2001B8::2` with characters lost) is repaired where the paste itself makes the repair unambiguous; the raw
 * text is never changed.
 */
import { detached } from './owned-strings.ts';

const SPACED_IPV6 = /\b([\dA-F]{1,4}): (?=[\dA-F]{1,4}:)/gi;

/** `2001: DB8::2` → `2001:DB8::2` inside a line of text (only where a group is followed by `: hex:`). */
export function repairSpacedIpv6(text: string): string {
  if (text.indexOf('::') < 0 || text.indexOf(': ') < 0) return text;
  return text.replace(SPACED_IPV6, '$1:');
}

function isIpv4(token: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(token);
}

/** A syntactically valid IPv6 address (groups of 1-4 hex digits, at most one `::`). */
export function isIpv6(token: string): boolean {
  if (token.indexOf(':') < 0 || !/^[\da-f:.]+$/i.test(token)) return false;
  const double = token.indexOf('::');
  if (double >= 0 && token.indexOf('::', double + 1) >= 0) return false;
  const groups = token.split(':');
  for (const g of groups) if (g.length > 4 && !isIpv4(g)) return false;
  return double >= 0 ? groups.length <= 9 : groups.length === 8;
}

/**
 * Whether a printed token can be an address: an IPv4 or IPv6 address, a hostname, or the mask a publication put
 * in its place (`x.x.x.x`, `<peer-ip>`, `[REDACTED]`). Longer than a hostname can be (253 characters), or made of
 * other characters, it is text: a multi-megabyte word never becomes a peer's name.
 */
const ADDRESS_LIKE = /^[\w.:%/<>[\]*-]{1,253}$/;
const HAS_ALNUM = /[\da-z]/i;

export function isAddressLike(token: string): boolean {
  return token.length <= 253 && ADDRESS_LIKE.test(token) && HAS_ALNUM.test(token);
}

/** Removes one contiguous run of 1-4 characters from `long` and compares with `short`. */
function lostRun(long: string, short: string): boolean {
  const d = long.length - short.length;
  if (d < 1 || d > 4) return false;
  let p = 0;
  while (p < short.length && long.charCodeAt(p) === short.charCodeAt(p)) p += 1;
  return long.slice(p + d) === short.slice(p);
}

/**
 * The addresses seen so far in a paste, used to repair damaged ones: a token that is not a valid address but
 * equals exactly one known valid address with a few characters lost is read as that address.
 */
export class AddressBook {
  private readonly known = new Set<string>();
  private readonly repaired = new Map<string, string>();

  /** The address a printed token stands for (trailing punctuation removed, damage repaired); null if it is none. */
  address(token: string): string | null {
    if (token.length > 254) return null;
    let t = token;
    const last = t.charCodeAt(t.length - 1);
    if (last === 44 || last === 46 || last === 33 || last === 58) t = t.slice(0, -1); // , . ! :
    if (!isAddressLike(t)) return null;
    if (t.indexOf(':') < 0) return t;
    if (isIpv6(t)) {
      // a copy: the slice of a line would keep the chunk of input it was cut from alive as long as the book
      if (!this.known.has(t)) this.known.add(detached(t));
      return t;
    }
    const cached = this.repaired.get(t);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const k of this.known) {
      if (lostRun(k, t)) {
        if (found !== null) return t; // ambiguous: keep as printed
        found = k;
      }
    }
    if (found === null) return t;
    this.repaired.set(detached(t), found);
    return found;
  }

  /** `2001:DB8::2:500`, `15.1.1.1:500` (IPSEC key-engine form) → the address without the port; null if none. */
  addressWithPort(token: string): string | null {
    if (token.length > 260) return null;
    const t = token.endsWith(',') ? token.slice(0, -1) : token;
    const colon = t.lastIndexOf(':');
    if (colon < 0) return this.address(t);
    if (t.indexOf('.') >= 0 && t.indexOf(':') === colon) return this.address(t.slice(0, colon));
    const port = t.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return this.address(t);
    const head = t.slice(0, colon);
    if (head.endsWith(':')) return this.address(t); // `2001:DB8::` + group: no port
    const bare = this.address(head);
    if (bare !== null && (this.known.has(bare) || port === '0' || port === '500' || port === '4500')) return bare;
    return this.address(t);
  }
}

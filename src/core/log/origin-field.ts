/**
 * The sender's name where a router or a relay puts it inside the router's own line, read by hand on the hot path:
 * - before the stamp, as IOS's `logging origin-id` and NX-OS write it: `<189>30: test-ztp: May 23 13:56:15.055: %SYS-…`,
 *   `<190>sw01.pdx01: 2017 Jul 28 14:42:46 UTC: %AUTHPRIV-…`, and the ASA's `hostname : %ASA-…` (originFieldEnd);
 * - after the stamp, before the system message: `*Oct 07 03:10:04: mydevice.com %CRYPTO-4-…`, or an empty field
 *   where an IOS-XE SD-WAN router left its name out: `Jan 8 15:00:23.723 EDT: : %CRYPTO-4-…` (afterStampField).
 * Whether a stamp follows a name before one is for the lexer to read; these say only where the field ends.
 */

const MAX_NAME = 64;

/** A character of a host name or an address as routers name themselves: letters, digits, `.`, `-`, `_`. */
export function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95;
}

/** Where a name starting at i ends (i when there is none there). */
export function nameEnd(s: string, i: number): number {
  let j = i;
  while (j - i < MAX_NAME && isNameChar(s.charCodeAt(j))) j += 1;
  return j;
}

/** After `NAME: ` or `NAME : ` at i: the index of what follows, or -1. */
export function originFieldEnd(s: string, i: number): number {
  const end = nameEnd(s, i);
  if (end === i) return -1;
  let j = end;
  if (s.charCodeAt(j) === 32) j += 1;
  return s.charCodeAt(j) === 58 && s.charCodeAt(j + 1) === 32 ? j + 2 : -1;
}

/** A system message at i: `%` and a capital (`%CRYPTO-4-…`, `%ASA-3-…`). */
export function isSystemMessage(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 1);
  return s.charCodeAt(i) === 37 && c >= 65 && c <= 90;
}

/**
 * After the stamp, at i: the index of the system message after an empty field (`: %…`) or after the sender's name
 * (`mydevice.com %…`), or -1 when the router's text starts at i. Ordinary debug lines stop at their first
 * character that is not a name's (`ISAKMP:`, `IPSEC(`) or at what follows their first word (`ISAKMP (0:1)`).
 */
export function afterStampField(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 58) return s.charCodeAt(i + 1) === 32 && isSystemMessage(s, i + 2) ? i + 2 : -1;
  if (!isNameChar(c)) return -1;
  const end = nameEnd(s, i);
  return s.charCodeAt(end) === 32 && isSystemMessage(s, end + 1) ? end + 1 : -1;
}

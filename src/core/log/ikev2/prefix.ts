/**
 * The prefix of an IKEv2 debug message in every generation's form, read by character scanning:
 * 15.x/16.x `IKEv2:(SESSION ID = 31,SA ID = 1):`, `IKEv2:(SA ID = 1):`, bare `IKEv2:`; IOS-XE 17 `IKEv2-PAK:`,
 * `IKEv2-INTERNAL:`, `IKEv2-ERROR:`; ASA/FTD `IKEv2-PROTO-5: (16): `, `IKEv2-PLAT-2: `; and the event trace's
 * `SA ID:1 SESSION ID:2 Remote: 30.1.1.2/500 Local: 30.1.1.1/500  ` (`show monitor event-trace crypto ikev2`).
 */

export type Ikev2Facility = 'IKEv2' | 'ERROR' | 'PAK' | 'INTERNAL' | 'PROTO' | 'PLAT' | 'TRACE';

export interface Ikev2Prefix {
  facility: Ikev2Facility;
  /** The ASA debug level (`IKEv2-PROTO-5`), else null. */
  level: number | null;
  /** IOS `SESSION ID = n`, else null. */
  session: number | null;
  /** IOS `SA ID = n`, or the ASA's local SA tag `(16)`, else null. */
  sa: number | null;
  /** Where the message text begins. */
  end: number;
  /** The event trace names both ends on every line. */
  ends?: { remote: string; remotePort: number; local: string; localPort: number };
}

/** The internal event trace prints no ends before an SA exists: `SA ID:0 SESSION ID:0    IKEV2-RECV-KMI: …`. */
const TRACE = /^SA ID:(\d{1,9}) SESSION ID:(\d{1,9})(?: Remote: (\S{1,64})\/(\d{1,5}) Local: (\S{1,64})\/(\d{1,5}))? {1,4}/;

/**
 * An event-trace prefix. Its SA IDs are reused by later sessions (SA ID:1 of SESSION ID:2, then of SESSION ID:3):
 * the session, one per IKE SA there, is the key lines join by.
 */
function readTrace(s: string, i: number): Ikev2Prefix | null {
  const m = TRACE.exec(i === 0 ? s : s.slice(i));
  if (m === null) return null;
  // session 0 (no SA yet: the key engine's request that starts one) keeps its lines together, apart from every SA
  const session = Number(m[2]);
  const out: Ikev2Prefix = { facility: 'TRACE', level: null, session, sa: session, end: i + m[0].length };
  if (m[3] !== undefined) out.ends = { remote: m[3], remotePort: Number(m[4]), local: m[5] ?? '', localPort: Number(m[6]) };
  return out;
}

const FACILITIES: readonly [string, Ikev2Facility][] = [
  ['ERROR', 'ERROR'],
  ['PAK', 'PAK'],
  ['INTERNAL', 'INTERNAL'],
  ['PROTO', 'PROTO'],
  ['PLAT', 'PLAT'],
];

function digitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function number(s: string, i: number): { value: number; end: number } | null {
  let j = i;
  let value = 0;
  while (j < s.length && j - i < 12 && digitAt(s, j)) {
    value = value * 10 + (s.charCodeAt(j) - 48);
    j += 1;
  }
  return j > i ? { value, end: j } : null;
}

function skipSpaces(s: string, i: number): number {
  let j = i;
  while (s.charCodeAt(j) === 32) j += 1;
  return j;
}

/** `(n):` at i (the ASA's tag, or a continuation line's): the number and the index after `): `, or null. */
export function readTag(s: string, i: number): { value: number; end: number } | null {
  if (s.charCodeAt(i) !== 40) return null;
  const n = number(s, i + 1);
  if (n === null || s.charCodeAt(n.end) !== 41 || s.charCodeAt(n.end + 1) !== 58) return null;
  return { value: n.value, end: n.end + 2 };
}

/** `(n) ` at i, a tag printed without its colon and followed by text. */
function bareTag(s: string, i: number): { value: number; end: number } | null {
  if (s.charCodeAt(i) !== 40) return null;
  const n = number(s, i + 1);
  if (n === null || s.charCodeAt(n.end) !== 41 || s.charCodeAt(n.end + 1) !== 32) return null;
  return { value: n.value, end: n.end + 2 };
}

/**
 * `(SESSION ID = n,SA ID = m):` or `(SA ID = m):` at i; also as course notes retype it, a space after the comma
 * and `SA = m` (`IKEv2:(SESSION ID = 3, SA = 1): IKEV2 SA created`).
 */
function readIds(s: string, i: number, out: Ikev2Prefix): number {
  if (s.charCodeAt(i) !== 40) return i;
  let j = i + 1;
  if (s.startsWith('SESSION ID = ', j)) {
    const n = number(s, j + 13);
    if (n === null || s.charCodeAt(n.end) !== 44) return i;
    out.session = n.value;
    j = skipSpaces(s, n.end + 1);
  }
  const label = s.startsWith('SA ID = ', j) ? 8 : s.startsWith('SA = ', j) ? 5 : 0;
  if (label === 0) return i;
  const n = number(s, j + label);
  if (n === null || s.charCodeAt(n.end) !== 41 || s.charCodeAt(n.end + 1) !== 58) return i;
  out.sa = n.value;
  return n.end + 2;
}

/** The IKEv2 prefix at i of `s`, or null when `s` has none there. */
export function readIkev2Prefix(s: string, i = 0): Ikev2Prefix | null {
  if (s.startsWith('SA ID:', i)) return readTrace(s, i);
  if (!s.startsWith('IKEv2', i)) return null;
  let j = i + 5;
  const out: Ikev2Prefix = { facility: 'IKEv2', level: null, session: null, sa: null, end: 0 };
  if (s.charCodeAt(j) === 45 /* - */) {
    const found = FACILITIES.find(([word]) => s.startsWith(word, j + 1));
    if (found === undefined) return null;
    out.facility = found[1];
    j += 1 + found[0].length;
    if (s.charCodeAt(j) === 45 && digitAt(s, j + 1)) {
      const n = number(s, j + 1);
      if (n === null) return null;
      out.level = n.value;
      j = n.end;
    }
  }
  if (s.charCodeAt(j) !== 58 /* : */) return null;
  j += 1;
  if (out.facility === 'PROTO' || out.facility === 'PLAT') {
    j = skipSpaces(s, j);
    // the platform glue prints some tags without their colon: `IKEv2-PLAT-3: (172) tg_name set to: …`
    const tag = readTag(s, j) ?? bareTag(s, j);
    if (tag !== null) {
      out.sa = tag.value;
      j = skipSpaces(s, tag.end);
    }
  } else {
    j = readIds(s, j, out);
  }
  out.end = j;
  return out;
}

/**
 * Where the next IKEv2 prefix glued into `s` after `from` begins (`… AUTHENTICATION_FAILEDIKEv2-PROTO-2: (16): …`),
 * or -1. A glued one is any `IKEv2-` or `IKEv2:` not at the start.
 */
export function nextGlued(s: string, from: number): number {
  let at = s.indexOf('IKEv2', from);
  while (at >= 0) {
    const c = s.charCodeAt(at + 5);
    if ((c === 45 || c === 58) && readIkev2Prefix(s, at) !== null) return at;
    at = s.indexOf('IKEv2', at + 5);
  }
  return -1;
}

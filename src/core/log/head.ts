/**
 * parseHead: the facility prefix of a debug line body (`ISAKMP: (1011):`, `ISAKMP (0:2):`, `ISAKMP-PAK:`,
 * `IPSEC(create_sa):`, `%CRYPTO-4-...:`) and the conn-id it carries, by character scanning (no regex).
 */

export type Facility =
  | 'ISAKMP'
  | 'ISAKMP-PAK'
  | 'ISAKMP-ERROR'
  | 'IPSEC'
  | 'SYSLOG'
  | 'IKEV2'
  | 'ENGINE'
  | 'MAPDB'
  | 'KMI'
  | 'PKI';

export interface Head {
  facility: Facility;
  /** conn-id from `(1011)` or `(0:2)` (the part after the colon), null when not printed. */
  conn: number | null;
  /** IPSEC function name from `IPSEC(create_sa)`, else null. */
  fn: string | null;
  /** The message text after the prefix. */
  text: string;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 32) i += 1;
  return i;
}

/**
 * Reads `(digits)`, `(digits:digits)` or 12.4's `(0:1:SW:1)` at i; returns the conn-id (the last number, or the one
 * before the crypto engine), or -1. Its end is the `)` after i: the digits, colons and engine hold none, and
 * returning only the number allocates no pair per line.
 */
function readConn(s: string, i: number): number {
  if (s.charCodeAt(i) !== 40) return -1;
  let j = i + 1;
  let value = 0;
  let digits = 0;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits += 1;
    } else if (c === 58 && digits > 0) {
      const engine = engineEnd(s, j + 1);
      if (engine >= 0) return value;
      value = 0;
      digits = 0;
    } else break;
    j += 1;
  }
  if (digits === 0 || s.charCodeAt(j) !== 41) return -1;
  return value;
}

/**
 * 12.4 prints the crypto engine that holds the SA after its conn-id: `HW:2` (hardware), `SW:1` (software) or
 * `N/A:0` (none chosen yet), then `)`. Returns the index of that `)`, or -1 when k starts no such engine.
 */
function engineEnd(s: string, k: number): number {
  let j = k;
  if (s.startsWith('HW:', j) || s.startsWith('SW:', j)) j += 3;
  else if (s.startsWith('N/A:', j)) j += 4;
  else return -1;
  const first = j;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j += 1;
  return j > first && s.charCodeAt(j) === 41 ? j : -1;
}

function isakmp(body: string, facility: Facility, start: number): Head {
  let i = skipSpaces(body, start);
  if (body.charCodeAt(i) === 58) i = skipSpaces(body, i + 1);
  let conn: number | null = null;
  const read = readConn(body, i);
  if (read >= 0) {
    conn = read;
    i = skipSpaces(body, body.indexOf(')', i) + 1);
    if (body.charCodeAt(i) === 58) i += 1;
    if (body.charCodeAt(i) === 58) i += 1;
    i = skipSpaces(body, i);
  }
  return { facility, conn, fn: null, text: body.slice(i) };
}

/** True when `s` has `word` at `i`: a character loop the compiler inlines, cheaper than startsWith on the hot path. */
function has(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k += 1) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

export function parseHead(body: string): Head | null {
  const c0 = body.charCodeAt(0);
  if (c0 === 73 /* I */) {
    if (has(body, 1, 'SAKMP')) {
      const next = body.charCodeAt(6);
      if (next === 45 /* - */) {
        if (has(body, 7, 'PAK')) return isakmp(body, 'ISAKMP-PAK', 10);
        if (has(body, 7, 'ERROR')) return isakmp(body, 'ISAKMP-ERROR', 12);
        return null;
      }
      if (next === 58 || next === 32 || Number.isNaN(next)) return isakmp(body, 'ISAKMP', 6);
      // `ISAKMP/xauth:`, `ISAKMP/author:`, `ISAKMP/aaa:`: the text keeps its sub-facility
      if (next === 47 /* / */) return { facility: 'ISAKMP', conn: null, fn: null, text: body.slice(6) };
      return null;
    }
    if (body.startsWith('IPSEC') && (body.charCodeAt(5) === 40 || body.charCodeAt(5) === 58)) {
      let i = 5;
      if (body.charCodeAt(i) === 58) i += 1; // IPSEC:(SESSION_ID = 1) (key_engine) ...
      if (body.startsWith('(SESSION', i)) {
        const close = body.indexOf(')', i);
        if (close > 0) i = skipSpaces(body, close + 1);
      }
      let fn: string | null = null;
      if (body.charCodeAt(i) === 40) {
        const close = body.indexOf(')', i);
        if (close > 0) {
          fn = body.slice(i + 1, close).trim();
          i = close + 1;
        }
      }
      i = skipSpaces(body, i);
      if (body.charCodeAt(i) === 58) i = skipSpaces(body, i + 1);
      return { facility: 'IPSEC', conn: null, fn, text: body.slice(i) };
    }
    // `IKEv2:` or `IKEv2-PROTO-5:`; `IKEv2 IKE_AUTH Exchange REQUEST` is a packet block's line, not a record
    if (body.startsWith('IKEv2') && (body.charCodeAt(5) === 58 || body.charCodeAt(5) === 45)) {
      return { facility: 'IKEV2', conn: null, fn: null, text: body };
    }
    return null;
  }
  if (c0 === 37 /* % */) {
    // a syslog message is `%FACILITY-SEVERITY-MNEMONIC`; a CLI message (`%`, `%Some server settings cannot be changed`) is none
    if (!isSyslogHead(body)) return null;
    // FTD and ASA wrap a debug line in a syslog message: `%FTD-5-711001: IKEv2-PLAT-4: Received PFKEY …`
    const inner = body.indexOf(': IKEv2');
    if (inner > 0 && inner < 24 && (body.startsWith('%FTD-') || body.startsWith('%ASA-'))) {
      return { facility: 'IKEV2', conn: null, fn: null, text: body.slice(inner + 2) };
    }
    return { facility: 'SYSLOG', conn: null, fn: null, text: body };
  }
  if (c0 === 40 /* ( */ && body.startsWith('(ipsec_')) {
    const close = body.indexOf(')');
    return { facility: 'IPSEC', conn: null, fn: body.slice(1, close), text: body.slice(close + 1).trim() };
  }
  if (c0 === 67 /* C */) {
    if (body.startsWith('Crypto mapdb')) return { facility: 'MAPDB', conn: null, fn: null, text: body };
    if (body.startsWith('CryptoEngine') || body.startsWith('CRYPTO_ENGINE'))
      return { facility: 'ENGINE', conn: null, fn: null, text: body };
    if (body.startsWith('CRYPTO_PKI')) return { facility: 'PKI', conn: null, fn: null, text: body };
    return null;
  }
  if (c0 === 99 /* c */ && body.startsWith('crypto_engine')) return { facility: 'ENGINE', conn: null, fn: null, text: body };
  // `show monitor event-trace crypto ikev2 event all`: `SA ID:1 SESSION ID:2 Remote: A/500 Local: B/500  …`
  if (c0 === 83 /* S */ && body.startsWith('SA ID:')) return { facility: 'IKEV2', conn: null, fn: null, text: body };
  if (c0 === 75 /* K */ && body.startsWith('KMI')) return isakmp(body, 'KMI', 3);
  return null;
}

/** `%CRYPTO-4-RECVD_PKT_INV_SPI:`, `%PKI-6-CERTRET:`, `%FTD-5-711001:`: capitals after `%`, then a severity digit between dashes. */
function isSyslogHead(body: string): boolean {
  const first = body.charCodeAt(1);
  if (!(first >= 65 && first <= 90)) return false;
  const end = Math.min(body.length - 2, 40);
  for (let i = 2; i < end; i += 1) {
    const c = body.charCodeAt(i);
    if (c === 45 /* - */ && body.charCodeAt(i + 2) === 45) {
      const d = body.charCodeAt(i + 1);
      if (d >= 48 && d <= 55) return true;
    }
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return false;
}

/**
 * collectorPrefix: what a syslog collector writes before the line a router sent it (`logging host`), or a terminal
 * before each line it logs (`[01/10/2024 14:22:01] `, SecureCRT's and MobaXterm's time stamps): the
 * message's priority (`<189>`), the collector's own time and the sender's host, as rsyslog / syslog-ng
 * (`Jan 10 14:22:01 10.1.1.1 `), ISO-stamped collectors (`2024-01-10T14:22:01.000Z vpn-hub `) and Kiwi Syslog
 * (`2024-01-10 14:22:01<TAB>Local7.Debug<TAB>10.1.1.1<TAB>`) write it. The router's own line follows: its sequence
 * number (`4521: `), its timestamp or its facility; without one of them the text is no collected IOS line.
 */
import { timeOfDay } from '../ike/numbers.ts';

export interface CollectorPrefix {
  /** Index in the line where the router's own text starts. */
  end: number;
  /** The sender as the collector names it (an address or a host name); null when only a priority was written. */
  host: string | null;
  /** The collector's time of day in milliseconds, null when it wrote none. */
  time: number | null;
}

const PRIORITY = /<\d{1,3}>/y;
/** A terminal's own stamp before each line it logs (SecureCRT, MobaXterm): `[01/10/2024 14:22:01] `. */
const TERMINAL = /\[[\w /.,:-]{0,30}?(\d{1,2}):(\d{2}):(\d{2})[\w /.,:-]{0,16}\] ?/y;
/** An ISO time before the router's line with no sender after it: `2024-01-10 14:22:01.123 `. */
const ISO_ALONE = /\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})? /y;
// NX-OS puts the year first: `<190>2018 Apr 20 13:15:07 nexus-switch %ETHPORT-5-…`
const BSD = /(?:\d{4} )?([A-Z][a-z]{2}) {1,2}\d{1,2} (\d{2}):(\d{2}):(\d{2}) ([\w.:%-]{1,64}) /y;
const ISO = /\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?( [\w.:%-]{1,64} |\t[A-Za-z\d]{1,12}\.[A-Za-z]{1,12}\t[\w.:%-]{1,64}\t)/y;
/**
 * What a router sends first: its sequence number, a timestamp (`*Jan`, `.Jan`, `Jan`, `00:01:02`, NX-OS's
 * `2017 Jul`), a facility, or its name before its stamp or message (`logging origin-id`: `test-ztp: May 23 …`).
 */
const ROUTER_TEXT = /\d{1,9}: |[*.]?[A-Z][a-z]{2} {1,2}\d|\d{4} [A-Z][a-z]{2} |\*?\d{1,2}:\d{2}:\d{2}|\*?\d{1,3}[ywd]\d{1,2}[wdh]:|ISAKMP|IPSEC|IKEv2|%[A-Z]|[\w.-]{1,64} ?: (?:\d{1,9}: )?(?:[*.]?[A-Z][a-z]{2} {1,2}\d|\d{4} [A-Z][a-z]{2} |%[A-Z])/y;

/** The collector's prefix at i, or null when the line has none (the caller's fast path: most lines start otherwise). */
export function collectorPrefix(s: string, i: number): CollectorPrefix | null {
  let j = i;
  PRIORITY.lastIndex = j;
  if (PRIORITY.test(s)) j = PRIORITY.lastIndex;
  let host: string | null = null;
  let time: number | null = null;
  if (s.charCodeAt(j) === 91) {
    TERMINAL.lastIndex = j;
    const m = TERMINAL.exec(s);
    if (m === null) return null;
    ROUTER_TEXT.lastIndex = TERMINAL.lastIndex;
    return ROUTER_TEXT.test(s) ? { end: TERMINAL.lastIndex, host: null, time: timeOfDay(Number(m[1]), Number(m[2]), Number(m[3]), 0) } : null;
  }
  const c = s.charCodeAt(j);
  const digits = c >= 48 && c <= 57;
  if (digits || (c >= 65 && c <= 90)) {
    let stamp = digits ? ISO : BSD;
    stamp.lastIndex = j;
    let m = stamp.exec(s);
    if (m === null && digits) {
      stamp = BSD;
      stamp.lastIndex = j;
      m = stamp.exec(s);
    }
    if (m !== null) {
      const offset = stamp === BSD ? 1 : 0;
      time = timeOfDay(Number(m[1 + offset]), Number(m[2 + offset]), Number(m[3 + offset]), 0);
      host = (m[4 + offset] ?? '').replace(/^\t[^\t]*\t/, '').trim();
      j = stamp.lastIndex;
      // the ASA's and NX-OS's ` : ` after the sender (`hostname : %ASA-3-…`)
      if (s.charCodeAt(j) === 58 && s.charCodeAt(j + 1) === 32) j += 2;
    }
  }
  if (j === i && c >= 48 && c <= 57) {
    // no sender named: a terminal's or a tool's ISO time right before the router's own line
    ISO_ALONE.lastIndex = i;
    const m = ISO_ALONE.exec(s);
    if (m !== null) {
      ROUTER_TEXT.lastIndex = ISO_ALONE.lastIndex;
      if (ROUTER_TEXT.test(s)) return { end: ISO_ALONE.lastIndex, host: null, time: timeOfDay(Number(m[1]), Number(m[2]), Number(m[3]), 0) };
    }
  }
  if (j === i) return null;
  ROUTER_TEXT.lastIndex = j;
  if (!ROUTER_TEXT.test(s)) return null;
  return { end: j, host: host !== null && host.length > 0 ? host : null, time };
}

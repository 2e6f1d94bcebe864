/**
 * lexLine: strip and remember what publication and terminals add around a debug line (markdown quote and
 * bullet, pastebin line numbers, sequence numbers, timestamps of every style, glued ping output, author
 * annotations), leaving the body IOS printed.
 */
import { timeOfDay } from '../ike/numbers.ts';
import { digit, LastStamp, monthStamp, stampEnd } from './month-stamp.ts';
import { collectorPrefix } from './collector.ts';
import { afterLostStamp } from './lost-stamp.ts';
import { afterStampField, isNameChar, isSystemMessage, nameEnd, originFieldEnd } from './origin-field.ts';

export interface Lexed {
  /** The text IOS printed after the timestamp, prefixes and decorations removed (may be empty). */
  body: string;
  /** Offset of the body in the raw line. */
  bodyStart: number;
  /** Leading whitespace before the body (after quote/bullet/timestamp), in characters. */
  indent: number;
  /** Milliseconds since midnight when the line had a clock timestamp; null otherwise. */
  time: number | null;
  /** True when a timestamp (clock or uptime) was found. */
  stamped: boolean;
  /** `> ` markdown blockquote prefix. */
  quoted: boolean;
  /** `- ` markdown or pastebin bullet, or an author's mark before the line (`★ `, `▶ `, `👉 `). */
  bulleted: boolean;
  /** Ping output glued to the end (`.....`, `.!!!!`), or null. */
  ping: string | null;
  /** An author's note after the line (`<-- here`, `<==`, `← here`, ` ★`, ` (1)`, ` (#5)`, a parenthesis in another script), or null. */
  note: string | null;
  /** The sender a syslog collector named before the line (`Jan 10 14:22:01 10.1.1.1 4521: …`), or null. */
  source: string | null;
}

const UPTIME_STAMP = /\*?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?:/y;
const UPTIME_DAYS = /\*?\d{1,3}[ywd]\d{1,2}[wdh]:/y;
const PASTEBIN_NUMBER = /\d{1,6}\.?[ \t]+(?=[*A-Z])/y;
// before a timestamp, a facility, a syslog message without a timestamp (`89: %SYS-5-CONFIG_I: …`) or the
// sender's name (`30: test-ztp: May 23 …`)
const SEQUENCE_NUMBER = /\d{1,9}: (?=[*.\w%])/y;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isMonthStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 42 /* * */ || c === 46 /* . */ || (c >= 65 && c <= 90)) && i + 3 < text.length;
}

/** The time of a stamp read for a caller without a LastStamp (read out at once, so one object serves all). */
const ownClock = new LastStamp();
/** The time a sender's name is checked with: that check reads a stamp it does not keep. */
const probeClock = new LastStamp();

/**
 * After a sender's name field at i (`test-ztp: `, `sw01.pdx01: `, `hostname : `): the index where the router's
 * own line goes on, when that is what a router sends first: its stamp (after a relay's count, `29391555: `, or
 * NX-OS's year, `2017 Jul 28 …`) or a system message; -1 otherwise, so that `ISAKMP: (0):…` stays as printed.
 */
function afterOrigin(raw: string, i: number): number {
  const field = originFieldEnd(raw, i);
  if (field < 0) return -1;
  let j = field;
  if (digit(raw.charCodeAt(j))) {
    SEQUENCE_NUMBER.lastIndex = j;
    if (SEQUENCE_NUMBER.test(raw)) j = SEQUENCE_NUMBER.lastIndex;
    else if (digit(raw.charCodeAt(j + 3)) && raw.charCodeAt(j + 4) === 32) j += 5;
  }
  if (isSystemMessage(raw, j)) return j;
  return monthStamp(raw, j, probeClock) > 0 ? j : -1;
}

/**
 * Lexes one raw line; with `out`, fills that object instead of allocating one, and with `last`, reuses the
 * previous line's timestamp when this one starts the same (the reader's hot path).
 */
export function lexLine(raw: string, out?: Lexed, last?: LastStamp): Lexed {
  const n = raw.length;
  // a blank line (or one of spaces and tabs) is read at once: each check below would read past its end, and
  // the optimizing compiler drops this function's code the first time one does
  let blank = 0;
  while (blank < n && isSpace(raw.charCodeAt(blank))) blank += 1;
  // no body, all of it indentation
  if (blank === n) return lexedAs(out, '', n, n, null, false, false, false, null, null, null);
  // a byte-order mark before the first line (files saved by Windows editors)
  let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  // the pager's prompt a terminal log kept before the line that followed it (`terminal length` not 0)
  if (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 45 || raw.charCodeAt(i) === 60) i = afterPager(raw, i);
  let quoted = false;
  let bulleted = false;
  // markdown blockquote, possibly nested
  while (i < n && raw.charCodeAt(i) === 62 /* > */) {
    quoted = true;
    i += 1;
    if (i < n && raw.charCodeAt(i) === 32) i += 1;
  }
  let lead = i;
  while (i < n && isSpace(raw.charCodeAt(i))) i += 1;
  // markdown or pastebin bullet
  if (i + 1 < n && raw.charCodeAt(i) === 45 /* - */ && raw.charCodeAt(i + 1) === 32) {
    bulleted = true;
    i += 2;
    while (i < n && raw.charCodeAt(i) === 32) i += 1;
    lead = i;
  }
  const marked = afterMark(raw, i);
  if (marked > i) {
    bulleted = true;
    i = marked;
    lead = i;
  }
  // markdown emphasis or inline code around the whole line: `**...**`, `__...__`, `` `...` ``
  let emphasis = 0;
  while (emphasis < 3 && i < n && isEmphasis(raw.charCodeAt(i)) && (raw.charCodeAt(i) !== 42 || raw.charCodeAt(i + 1) === 42 || !stampAhead(raw, i + 1))) {
    emphasis += 1;
    i += 1;
  }
  if (emphasis > 0) lead = i;
  let time: number | null = null;
  let stamped = false;
  let source: string | null = null;
  let c1 = 0;
  const clock = last ?? ownClock;
  // twice at most: a syslog collector's prefix, then the router's own sequence number and timestamp
  for (let pass = 0; pass < 2; pass += 1) {
    const c0 = raw.charCodeAt(i);
    if (c0 >= 48 && c0 <= 57) {
      // pastebin line numbers or `service sequence-numbers` counters before a timestamp
      PASTEBIN_NUMBER.lastIndex = i;
      if (PASTEBIN_NUMBER.test(raw)) i = PASTEBIN_NUMBER.lastIndex;
      else {
        SEQUENCE_NUMBER.lastIndex = i;
        if (SEQUENCE_NUMBER.test(raw)) {
          const e = SEQUENCE_NUMBER.lastIndex;
          if (isMonthStart(raw, e) || raw.charCodeAt(e) === 37 || afterOrigin(raw, e) > 0) i = e;
        }
      }
    }
    c1 = raw.charCodeAt(i);
    if (c1 === 42 || c1 === 46 || (c1 >= 65 && c1 <= 90)) {
      const end = stampEnd(raw, i, last, clock);
      if (end > 0) {
        stamped = true;
        time = clock.time;
        i = end;
      }
    }
    // the sender's name before the router's stamp (`logging origin-id`, NX-OS): kept as the line's sender
    if (!stamped && isNameChar(c1)) {
      const at = afterOrigin(raw, i);
      if (at > 0) {
        if (source === null) source = raw.slice(i, nameEnd(raw, i));
        i = at;
        c1 = raw.charCodeAt(i);
        const end = stampEnd(raw, i, last, clock);
        if (end > 0) {
          stamped = true;
          time = clock.time;
          i = end;
        }
        break;
      }
    }
    // no stamp of the router's: maybe the collector's, before the router's line (the first pass only)
    if (stamped || pass > 0 || !(c0 === 60 || c0 === 91 || (c0 >= 65 && c0 <= 90) || (c1 >= 65 && c1 <= 90) || (c0 >= 48 && c0 <= 57 && raw.charCodeAt(i + 4) === 45))) break;
    const collected = collectorPrefix(raw, i);
    if (collected === null) break;
    i = collected.end;
    source = collected.host;
    time = collected.time;
  }
  if (!stamped && ((c1 >= 48 && c1 <= 57) || c1 === 42)) {
    UPTIME_STAMP.lastIndex = i;
    const m = UPTIME_STAMP.exec(raw);
    if (m) {
      stamped = true;
      time = timeOfDay(Number(m[1]), Number(m[2]), Number(m[3]), millis(m[4]));
      i = UPTIME_STAMP.lastIndex;
    } else {
      UPTIME_DAYS.lastIndex = i;
      if (UPTIME_DAYS.test(raw)) {
        stamped = true;
        i = UPTIME_DAYS.lastIndex;
      }
    }
  }
  // a router that printed no time of its own: the collector's time stamps the line
  if (!stamped && time !== null) stamped = true;
  // a stamp cut down to its zone (`UTC: %CRYPTO-4-…`): no time, the line read from its message
  const zoneEnd = !stamped && c1 >= 65 && c1 <= 90 ? afterLostStamp(raw, i) : -1;
  if (zoneEnd > 0) lead = i = zoneEnd;
  const afterStamp = i;
  while (i < n && isSpace(raw.charCodeAt(i))) i += 1;
  const indent = i - (stamped ? afterStamp : lead);
  // after the stamp, the sender's name or an empty field before the system message
  if (stamped) {
    const message = afterStampField(raw, i);
    if (message > 0) {
      if (source === null && raw.charCodeAt(i) !== 58) source = raw.slice(i, message - 1);
      i = message;
    }
  }
  let end = n;
  // trailing whitespace is kept in raw, not in the body
  while (end > i && isSpace(raw.charCodeAt(end - 1))) end -= 1;
  // the closing emphasis of an emphasised line
  if (emphasis > 0) {
    let closing = 0;
    while (closing < 3 && end > i && isEmphasis(raw.charCodeAt(end - 1))) {
      closing += 1;
      end -= 1;
    }
    while (end > i && isSpace(raw.charCodeAt(end - 1))) end -= 1;
  }
  // an author's note after the line: cut off at the first form that finds one
  let note: string | null = null;
  const noteAt = authorNoteStart(raw, i, end);
  if (noteAt >= 0) {
    note = raw.slice(noteAt, end);
    end = noteAt;
    while (end > i && isSpace(raw.charCodeAt(end - 1))) end -= 1;
  }
  // glued ping output: a run of . and ! at the end with a ! in it, or four or more dots
  let ping: string | null = null;
  let k = end;
  let bangs = 0;
  while (k > i) {
    const c = raw.charCodeAt(k - 1);
    if (c === 33) bangs += 1;
    else if (c !== 46) break;
    k -= 1;
  }
  // (a line of ping output alone, even one dot, is ping output too)
  if (end - k >= 4 || (end - k >= 2 && bangs > 0) || (k === i && end > k)) {
    ping = raw.slice(k, end);
    end = k;
  }
  let body = i === 0 && end === n ? raw : raw.slice(i, end);
  // markdown escapes (`IKE\_P1\_COMPLETE`): the text IOS printed has none
  if (body.indexOf('\\') >= 0) body = body.replace(MARKDOWN_ESCAPE, '$1');
  return lexedAs(out, body, i, indent, time, stamped, quoted, bulleted, ping, note, source);
}

/** The fields read, in `out` when the caller gave one (the reader's hot path), else in an object of their own. */
function lexedAs(out: Lexed | undefined, body: string, bodyStart: number, indent: number, time: number | null, stamped: boolean, quoted: boolean, bulleted: boolean, ping: string | null, note: string | null, source: string | null): Lexed {
  if (out === undefined) return { body, bodyStart, indent, time, stamped, quoted, bulleted, ping, note, source };
  out.body = body;
  out.bodyStart = bodyStart;
  out.indent = indent;
  out.time = time;
  out.stamped = stamped;
  out.quoted = quoted;
  out.bulleted = bulleted;
  out.ping = ping;
  out.note = note;
  out.source = source;
  return out;
}

const MARKDOWN_ESCAPE = /\\([_*#[\]()`<>|~-])/g;

/**
 * IOS's ` --More-- ` and the ASA's `<--- More --->`, with the backspaces and spaces that erased them, before the
 * line printed after a key was pressed: the index of that line's text, or `i` when there is no pager prompt.
 */
// eslint-disable-next-line no-control-regex -- the pager erases its prompt with backspaces, which a terminal log keeps
const PAGER = /(?: ?--More-- ?|<--- More ---> ?)(?:\x08+ +\x08+|\r +\r)?/y;

function afterPager(raw: string, i: number): number {
  PAGER.lastIndex = i;
  return PAGER.test(raw) ? PAGER.lastIndex : i;
}

/**
 * A character authors mark lines with and IOS never prints: arrows, stars, geometric shapes, dingbats, check
 * marks, emoji (either half of a surrogate pair) and the selector that makes a symbol an emoji.
 */
function isMarkChar(c: number): boolean {
  return (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2500 && c <= 0x27bf) || (c >= 0x2900 && c <= 0x297f) || (c >= 0x2b00 && c <= 0x2bff) || c === 0xfe0f || (c >= 0xd800 && c <= 0xdfff);
}

/** After an author's mark and its space at i (`★ IKEv2:…`, `▶ *Mar 1 …`): the index past them, or i when there is none. */
function afterMark(s: string, i: number): number {
  let j = i;
  while (j < s.length && j - i < 8 && isMarkChar(s.charCodeAt(j))) j += 1;
  if (j === i || !isSpace(s.charCodeAt(j))) return i;
  while (j < s.length && isSpace(s.charCodeAt(j))) j += 1;
  return j;
}

/** Where an author's mark after the line starts (` ★`, ` ✅`): a run of marks after a space at its end; `end` when none. */
function markBefore(s: string, from: number, end: number): number {
  let j = end;
  while (j > from && end - j < 8 && isMarkChar(s.charCodeAt(j - 1))) j -= 1;
  return j < end && j > from && isSpace(s.charCodeAt(j - 1)) ? j : end;
}

function isEmphasis(c: number): boolean {
  return c === 42 /* * */ || c === 95 /* _ */ || c === 96 /* ` */;
}

/** Whether a timestamp starts at i: `*` before it is IOS's own mark of an unsynchronised clock, not emphasis. */
function stampAhead(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 46) return true;
  if (digit(c)) return s.charCodeAt(i + 2) === 58 || s.charCodeAt(i + 1) === 58;
  const c1 = s.charCodeAt(i + 1);
  const c2 = s.charCodeAt(i + 2);
  return c >= 65 && c <= 90 && c1 >= 97 && c1 <= 122 && c2 >= 97 && c2 <= 122 && s.charCodeAt(i + 3) === 32;
}

/**
 * Where an author's note after the body (`from`..`end`) starts, or -1: a mark (` ★`), a left arrow after a space
 * (`← here`), `<--` or `<==`, or a note in parentheses (trailingNote).
 */
function authorNoteStart(raw: string, from: number, end: number): number {
  const mark = markBefore(raw, from, end);
  if (mark < end) return mark;
  const left = raw.indexOf('\u2190', from);
  if (left > from && left < end && isSpace(raw.charCodeAt(left - 1))) return left;
  const arrow = raw.indexOf('<', from);
  if (arrow >= 0 && arrow < end) {
    const next = raw.charCodeAt(arrow + 1);
    if ((next === 45 && raw.charCodeAt(arrow + 2) === 45) || (next === 61 && raw.charCodeAt(arrow + 2) === 61)) return arrow;
  }
  return trailingNote(raw, from, end);
}

/**
 * Where an author's note after the line starts, or -1: a number in parentheses (` (1)`, ` (#5)`, ` [3]`) after
 * a space, or a parenthesis holding text in another script (`( 加密點)`, `(感興趣流-ProxyID)`). IOS ends lines
 * with `(R) QM_IDLE`, `(type=1)`, `(1/1)` or `0x5AE6C721(1525073697)`: none of these is either.
 */
function trailingNote(s: string, from: number, end: number): number {
  const last = s.charCodeAt(end - 1);
  if (last !== 41 /* ) */ && last !== 93 /* ] */ && last !== 0xff09 /* ） */) return -1;
  const open = last === 93 ? 91 : last === 41 ? 40 : 0xff08;
  let j = end - 2;
  let foreign = false;
  let digits = 0;
  let other = false;
  while (j > from && end - j < 80) {
    const c = s.charCodeAt(j);
    if (c === open || (open === 40 && c === 0xff08)) break;
    if (c > 0x2e7f) foreign = true;
    else if (c >= 48 && c <= 57) digits += 1;
    else if (!(c === 35 /* # */ && digits > 0)) other = true;
    j -= 1;
  }
  if (j <= from || (s.charCodeAt(j) !== open && s.charCodeAt(j) !== 0xff08)) return -1;
  if (foreign) return j;
  const spaced = isSpace(s.charCodeAt(j - 1));
  if (!other && digits > 0 && digits <= 2 && spaced) return j;
  return -1;
}

function millis(digits: string | undefined): number {
  if (digits === undefined) return 0;
  if (digits.length === 3) return Number(digits);
  return Math.round(Number(`0.${digits}`) * 1000);
}

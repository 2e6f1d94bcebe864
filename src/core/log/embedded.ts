/**
 * embeddedRecords: debug records that lost their line endings and sit inside one long physical line, as text
 * extracted from a PDF or a web page gives them (`... Debugs on IOS show: *Feb 1 21:44:23.314: ISAKMP (0):
 * received packet from ... *Feb 1 21:44:23.314: ISAKMP:(0):Old State = ...`). Found by a keyword scan
 * (indexOf) on long lines only, then by reading characters around each keyword: no regex.
 */
import type { AddressBook } from './addresses.ts';
import type { IkeEventBody } from './events.ts';
import { extractRecord } from './extract.ts';
import { parseHead } from './head.ts';
import type { IpsecContext } from './ipsec.ts';

/** Lines at most this long are never searched: a router prints none longer, so only pasted-together text is. */
export const EMBEDDED_MIN_LENGTH = 300;

/** One record inside a long line: `[start, end)` of the raw line, its timestamp (if any) included. */
export interface EmbeddedSpan {
  /** Where the record's timestamp, or its facility prefix when it has none, begins. */
  start: number;
  /** Where the facility prefix (`ISAKMP`, `IPSEC(`, `%CRYPTO-`) begins. */
  head: number;
  /** Where the next record's timestamp begins, or the line's length. */
  end: number;
}

const KEYWORDS = ['ISAKMP', 'IPSEC(', '%CRYPTO-'] as const;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** `(digits)` or `(digits:digits)` at i. */
function isConn(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 40) return false;
  let j = i + 1;
  let digits = 0;
  while (j < s.length && j - i < 24) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) digits += 1;
    else if (c === 58 && digits > 0) digits = 0;
    else break;
    j += 1;
  }
  return digits > 0 && s.charCodeAt(j) === 41;
}

/**
 * True when the keyword at p opens a debug record: it starts the line or follows a blank, and for ISAKMP
 * the prefix is complete (`ISAKMP:`, `ISAKMP (0):`, `ISAKMP(0):`, `ISAKMP-PAK:`, `ISAKMP-ERROR:`), so that
 * prose such as "We should see ISAKMP initiate" or "Crypto ISAKMP SA" is not taken for a record.
 */
function opensRecord(s: string, p: number, keyword: string): boolean {
  if (p > 0 && !isBlank(s.charCodeAt(p - 1))) return false;
  if (keyword !== 'ISAKMP') return true;
  const q = p + 6;
  const c = s.charCodeAt(q);
  if (c === 58) return true;
  if (c === 40) return isConn(s, q);
  if (c === 32) return isConn(s, q + 1);
  if (c === 45) return s.startsWith('PAK:', q + 1) || s.startsWith('ERROR:', q + 1);
  return false;
}

/** Start of the run of digits that ends at `end` (exclusive), not before `floor`. */
function digitsBack(s: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && isDigit(s.charCodeAt(i - 1))) i -= 1;
  return i;
}

/** Start of `*Feb ` / `Feb ` / `.Feb ` ending just before `end` (a blank), or -1. */
function monthBack(s: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && isBlank(s.charCodeAt(i - 1))) i -= 1;
  if (i === end || i - 3 < floor) return -1;
  const m = i - 3;
  const c0 = s.charCodeAt(m);
  const c1 = s.charCodeAt(m + 1);
  const c2 = s.charCodeAt(m + 2);
  if (!(c0 >= 65 && c0 <= 90) || !(c1 >= 97 && c1 <= 122) || !(c2 >= 97 && c2 <= 122)) return -1;
  let start = m;
  const before = s.charCodeAt(start - 1);
  if (start > floor && (before === 42 || before === 46)) start -= 1;
  if (start > floor && !isBlank(s.charCodeAt(start - 1))) return -1;
  return start;
}

/**
 * The timestamp printed before the prefix at `head`, read backwards: `*Feb 1 21:44:23.314: `, `00:27:07: `,
 * or one torn from its month (`1 21:44:23.315: `, the months printed elsewhere as `*Feb *Feb *Feb`).
 * Returns [where the record begins, where the text before it ends]: the second is earlier when month
 * prefixes torn from this and later records sit in front of it.
 */
function stampBack(s: string, head: number, floor: number): [number, number] {
  let j = head;
  while (j > floor && isBlank(s.charCodeAt(j - 1))) j -= 1;
  if (j - 1 <= floor || s.charCodeAt(j - 1) !== 58) return [head, head];
  // seconds, with or without a fraction
  let e = j - 1;
  let a = digitsBack(s, e, floor);
  if (a === e) return [head, head];
  if (s.charCodeAt(a - 1) === 46) {
    if (e - a > 6) return [head, head];
    e = a - 1;
    a = digitsBack(s, e, floor);
  }
  if (e - a !== 2 || s.charCodeAt(a - 1) !== 58) return [head, head];
  // minutes, then hours
  e = a - 1;
  a = digitsBack(s, e, floor);
  if (e - a !== 2 || s.charCodeAt(a - 1) !== 58) return [head, head];
  e = a - 1;
  a = digitsBack(s, e, floor);
  if (e - a < 1 || e - a > 2) return [head, head];
  let start = a;
  const mark = s.charCodeAt(start - 1);
  if (start > floor && (mark === 42 || mark === 46)) return [start - 1, start - 1];
  if (start > floor && !isBlank(s.charCodeAt(start - 1))) return [head, head];
  // the day of the month: with its month, or torn from it
  let day = start - 1;
  while (day > floor && isBlank(s.charCodeAt(day - 1))) day -= 1;
  const d = digitsBack(s, day, floor);
  const dayValue = Number(s.slice(d, day));
  if (day - d < 1 || day - d > 2 || dayValue < 1 || dayValue > 31 || (d > floor && !isBlank(s.charCodeAt(d - 1)))) return [start, start];
  const month = monthBack(s, d, floor);
  if (month < 0) return [start, d];
  start = month;
  // months torn from the records after this one, printed in a row before it
  let cut = month;
  for (let k = 0; k < 16; k += 1) {
    const more = monthBack(s, cut, floor);
    if (more < 0) break;
    cut = more;
  }
  return [start, cut];
}

/**
 * The debug records inside a long line, in order, or null when the line is not longer than
 * EMBEDDED_MIN_LENGTH or holds fewer than two record prefixes. Text before the first record is left out.
 */
export function embeddedRecords(raw: string): EmbeddedSpan[] | null {
  if (raw.length <= EMBEDDED_MIN_LENGTH) return null;
  const heads: number[] = [];
  for (const keyword of KEYWORDS) {
    let p = raw.indexOf(keyword);
    while (p >= 0) {
      if (opensRecord(raw, p, keyword)) heads.push(p);
      p = raw.indexOf(keyword, p + keyword.length);
    }
  }
  if (heads.length < 2) return null;
  heads.sort((x, y) => x - y);
  const spans: EmbeddedSpan[] = [];
  let floor = 0;
  for (const head of heads) {
    const [start, cut] = stampBack(raw, head, floor);
    const last = spans[spans.length - 1];
    if (last !== undefined) last.end = cut;
    spans.push({ start, head, end: raw.length });
    floor = head + 1;
  }
  return spans;
}

/**
 * The event of a record cut out of a long line. Its end is where the next record's timestamp begins, so prose
 * between the two may trail it ("New State = IKE_I_MM2 Debugs on IOS show:"): when the whole text is not
 * understood, the last words are left off one at a time, a few at most, until it is.
 */
export function readEmbedded(text: string, book: AddressBook, ctx: IpsecContext): { body: IkeEventBody; conn: number | null } | null {
  let t = text;
  for (let dropped = 0; dropped <= 12; dropped += 1) {
    const head = parseHead(t);
    if (head === null || head.text.length === 0) return null;
    const body = extractRecord({ head, first: t, more: [], accepts: 'none', rawFirst: t }, book, ctx);
    if (body !== null) return { body, conn: head.conn };
    const space = t.lastIndexOf(' ');
    if (space <= 0) return null;
    t = t.slice(0, space).trimEnd();
  }
  return null;
}


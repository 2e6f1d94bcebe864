/**
 * The router's own timestamp (`*Sep 21 08:33:43.377:`, `Mar  1 00:55:40.767:`, `Apr 20 11:06:55:`, `Mar 13
 * 10:00:00 UTC:`), read by hand on the hot path, and the last one read, which the next line usually repeats.
 */
import { timeOfDay } from '../ike/numbers.ts';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function digit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `*Sep 21 08:33:43.377:` / `Mar  1 00:55:40.767:` / `Apr 20 11:06:55:` / `Mar 13 10:00:00 UTC:` at i, read by
 * hand on the hot path. Returns the index after the colon (and stores the time in `clock.time`), or -1.
 */
export function monthStamp(s: string, start: number, clock: { time: number }): number {
  let i = start;
  const n = s.length;
  let c = s.charCodeAt(i);
  if (c === 42) c = s.charCodeAt(++i);
  if (c === 46) c = s.charCodeAt(++i);
  if (!(c >= 65 && c <= 90) || i + 3 >= n) return -1;
  const c1 = s.charCodeAt(i + 1);
  const c2 = s.charCodeAt(i + 2);
  if (!(c1 >= 97 && c1 <= 122) || !(c2 >= 97 && c2 <= 122) || s.charCodeAt(i + 3) !== 32) return -1;
  i += 4;
  if (s.charCodeAt(i) === 32) i += 1;
  if (!digit(s.charCodeAt(i))) return -1;
  i += 1;
  if (digit(s.charCodeAt(i))) i += 1;
  if (s.charCodeAt(i) !== 32) return -1;
  i += 1;
  // optional year
  if (digit(s.charCodeAt(i)) && digit(s.charCodeAt(i + 3)) && s.charCodeAt(i + 4) === 32 && s.charCodeAt(i + 2) !== 58) i += 5;
  let h = 0;
  if (!digit(s.charCodeAt(i))) return -1;
  h = s.charCodeAt(i) - 48;
  i += 1;
  if (digit(s.charCodeAt(i))) {
    h = h * 10 + s.charCodeAt(i) - 48;
    i += 1;
  }
  if (s.charCodeAt(i) !== 58 || !digit(s.charCodeAt(i + 1)) || !digit(s.charCodeAt(i + 2)) || s.charCodeAt(i + 3) !== 58) return -1;
  const m = (s.charCodeAt(i + 1) - 48) * 10 + s.charCodeAt(i + 2) - 48;
  if (!digit(s.charCodeAt(i + 4)) || !digit(s.charCodeAt(i + 5))) return -1;
  const sec = (s.charCodeAt(i + 4) - 48) * 10 + s.charCodeAt(i + 5) - 48;
  i += 6;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i += 1;
    let digits = 0;
    let frac = 0;
    while (digits < 6 && digit(s.charCodeAt(i))) {
      frac = frac * 10 + s.charCodeAt(i) - 48;
      digits += 1;
      i += 1;
    }
    if (digits === 0) return -1;
    ms = digits === 3 ? frac : Math.round((frac / 10 ** digits) * 1000);
  }
  if (s.charCodeAt(i) === 32) {
    // time zone: 2-5 letters, as `clock timezone` was given (`UTC`, `EDT`, `pst`)
    let j = i + 1;
    while (j - i - 1 < 5 && isLetter(s.charCodeAt(j))) j += 1;
    if (j - i - 1 >= 2 && s.charCodeAt(j) === 58) i = j;
  }
  if (s.charCodeAt(i) !== 58) {
    // the ASA's syslog time has no colon before its IKEv2 debug line: `Jul 25 22:35:53 IKEv2-PLAT-5: …`
    if (s.charCodeAt(i) !== 32 || !s.startsWith('IKEv2-', i + 1)) return -1;
  }
  clock.time = timeOfDay(h, m, sec, ms);
  return i + 1;
}

/**
 * The last timestamp read: IOS prints many lines in one millisecond, and a line that starts with the same
 * characters as the last stamp has the same time, so reading it again can be skipped.
 */
export class LastStamp {
  text = '';
  time = 0;
}

/**
 * The stamp at i: the index after it, its time in `clock.time`, or -1. With `last`, a stamp that starts the same
 * as the previous line's is not read again, and a stamp read is kept for the next line.
 */
export function stampEnd(raw: string, i: number, last: LastStamp | undefined, clock: LastStamp): number {
  if (last !== undefined && last.text.length > 0 && raw.startsWith(last.text, i)) return i + last.text.length;
  const end = monthStamp(raw, i, clock);
  if (end > 0 && last !== undefined) last.text = raw.slice(i, end);
  return end;
}

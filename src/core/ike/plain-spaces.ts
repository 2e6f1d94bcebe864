/** Spaces a web page, an editor or a chat client puts where IOS printed a plain one: no-break, figure, narrow… */
const UNICODE_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * The line as IOS printed it, for reading: each such space a plain one. Same length, so every offset into the raw
 * line (a body's start, a key's place) holds in the read one; the raw line itself is kept as given.
 */
export function plainSpaces(raw: string): string {
  UNICODE_SPACE.lastIndex = 0;
  return UNICODE_SPACE.test(raw) ? raw.replace(UNICODE_SPACE, ' ') : raw;
}

/** The same spaces one by one, for indexOf. */
const UNICODE_SPACES = ['\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000'];

/**
 * Whether `text` holds any space that plainSpaces would change: a chunk of input without one needs no line read
 * twice. One indexOf per space rather than the class: the engine scans a chunk for one character many times
 * faster, and in a text of Latin-1 characters only (most logs) a space above U+00FF is ruled out without a scan.
 */
export function hasUnicodeSpace(text: string): boolean {
  for (const space of UNICODE_SPACES) if (text.indexOf(space) >= 0) return true;
  return false;
}

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

/** Whether `text` holds any space that plainSpaces would change: a chunk of input without one needs no line read twice. */
export function hasUnicodeSpace(text: string): boolean {
  UNICODE_SPACE.lastIndex = 0;
  return UNICODE_SPACE.test(text);
}

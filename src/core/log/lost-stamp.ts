/**
 * A timestamp a forum or a copy cut down to its time zone: `UTC: %CRYPTO-4-PKT_REPLAY_ERR: …` (the date and time
 * before `UTC` lost). The zone and its colon are what is left of the router's stamp; the line is read from the
 * message after them, with no time (none is left to read).
 */

// the zones `clock timezone` is given as in the logs seen, and the usual abbreviations: a word that is one of
// these, not any capitals (`ESP: Proposal 1:`, `NAT: …` are IOS's own text)
const ZONES = new Set(['UTC', 'GMT', 'PST', 'PDT', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST', 'BST', 'IST', 'JST', 'KST', 'HKT', 'SGT', 'MSK', 'AEST', 'AEDT', 'NZST', 'NZDT']);
// what follows the stamp in such a line: a system message, or a debug facility IOS puts first
const AFTER = /%[A-Z][A-Z0-9_]*-\d-|(?:ISAKMP|IPSEC|CRYPTO|IKEv2)[-:( ]/y;

/** The index after `ZONE: ` at i when a lost stamp's zone is there before a message, or -1. */
export function afterLostStamp(s: string, i: number): number {
  let j = i;
  while (j - i < 4 && s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j += 1;
  if (j - i < 3 || s.charCodeAt(j) !== 58 || s.charCodeAt(j + 1) !== 32 || !ZONES.has(s.slice(i, j))) return -1;
  AFTER.lastIndex = j + 2;
  return AFTER.test(s) ? j + 2 : -1;
}

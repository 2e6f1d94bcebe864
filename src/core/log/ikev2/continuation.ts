/**
 * Which lines continue an IKEv2 record: a packet block's SPI, exchange and payload lines, a proposal's
 * transforms, a decode or hex dump (the ASA's `(16): ` lines), the version banner of the app-version attribute,
 * and the message the ASA prints on the line after an empty prefix (`IKEv2-PLAT-2: ` then the text).
 */
import type { Lexed } from '../lex.ts';
import { readTag } from './prefix.ts';
import { cutShort, joinWrapped, MAX_WRAPPED } from './wrap.ts';

/**
 * A payload of the packet decode, as IOS prints it without an indent (`SA Next payload: KE, reserved: 0x0, length: 144`,
 * `NOTIFY(IKEV2_FRAGMENTATION_SUPPORTED) Next payload: VID, …`: Cisco's IKEv2 fragmentation guide).
 */
const DECODED_PAYLOAD_LINE = /^[A-Za-z]{1,8}(?:\([A-Z\d_]{1,60}\))? {1,4}Next payload: [A-Za-z_]{1,20}, reserved: 0x/;

/** A line of a packet block, proposal, decode or banner, by its start. */
export function isBlockLine(body: string): boolean {
  if (readTag(body, 0) !== null) return true;
  for (const start of STARTS) if (body.startsWith(start)) return true;
  return DECODED_PAYLOAD_LINE.test(body);
}

/** The first line of a record is exactly 80 columns and the next goes on without indent: a terminal's wrap. */
export function wrappedAt80(firstRaw: string, nextRaw: string): boolean {
  return firstRaw.length === 80 && nextRaw.length > 0 && nextRaw.charCodeAt(0) !== 32 && nextRaw.charCodeAt(0) !== 9 && nextRaw.charCodeAt(0) !== 40;
}

const EMPTY_PREFIX = /^IKEv2-[A-Z]{2,8}-\d:\s*$/;
const STARTS = ['Initiator SPI', 'Security protocol id:', 'Auth data:', 'Decrypted packet:', 'IKEv2 ', 'Payload contents', 'Num. transforms', 'ESP:', 'IKE:', 'AH:', 'Proposal', 'Technical Support', 'Copyright (c)', 'Compiled '];

/**
 * `body` is the line's text after its timestamp; `openText` the open record's first line, `more` its
 * continuation lines so far. The caller has already ruled out a new record's head and a prompt.
 */
export function continuesIkev2(openText: string, more: readonly string[], lexed: Lexed, raw: string, openRaw: string): boolean {
  const moreSoFar = more.length;
  if (lexed.stamped) return false;
  const body = lexed.body;
  // a terminal wrapped the first line at 80 columns: the next line is its rest
  if (moreSoFar === 0 && wrappedAt80(openRaw, raw)) return true;
  if (readTag(body, 0) !== null) return true;
  if (lexed.indent > 0 || raw.charCodeAt(0) === 32 || raw.charCodeAt(0) === 9) return true;
  if (isBlockLine(body)) return true;
  // `IKEv2-PLAT-2: ` alone: its message is on the next line
  if (moreSoFar === 0 && EMPTY_PREFIX.test(openText)) return true;
  // a message a document broke at a space: its rest has no prefix, stamp or indent
  return moreSoFar < MAX_WRAPPED && body.length > 0 && !more.some(isBlockLine) && cutShort(joinWrapped(openText, more, false));
}

/**
 * Which lines continue an IKEv2 record: a packet block's SPI, exchange and payload lines, a proposal's
 * transforms, a decode or hex dump (the ASA's `(16): ` lines), the version banner of the app-version attribute,
 * and the message the ASA prints on the line after an empty prefix (`IKEv2-PLAT-2: ` then the text).
 */
import type { Lexed } from '../lex.ts';
import { readTag } from './prefix.ts';

const EMPTY_PREFIX = /^IKEv2-[A-Z]{2,8}-\d:\s*$/;
const STARTS = ['Initiator SPI', 'Auth data:', 'Decrypted packet:', 'IKEv2 ', 'Payload contents', 'Num. transforms', 'ESP:', 'IKE:', 'AH:', 'Proposal', 'Technical Support', 'Copyright (c)', 'Compiled '];

/**
 * `body` is the line's text after its timestamp; `openText` the open record's first line. The caller has
 * already ruled out a new record's head and a prompt.
 */
export function continuesIkev2(openText: string, moreSoFar: number, lexed: Lexed, raw: string): boolean {
  if (lexed.stamped) return false;
  const body = lexed.body;
  if (readTag(body, 0) !== null) return true;
  if (lexed.indent > 0 || raw.charCodeAt(0) === 32 || raw.charCodeAt(0) === 9) return true;
  for (const start of STARTS) if (body.startsWith(start)) return true;
  // `IKEv2-PLAT-2: ` alone: its message is on the next line
  return moreSoFar === 0 && EMPTY_PREFIX.test(openText);
}

/**
 * IKEv2 messages that a document or a narrow window broke over lines at a space (Cisco's TAC documents print
 * `IKEv2:(SESSION ID = 172,SA ID = 1):Searching policy` then `based on peer's identity …`, an SM Trace line over
 * three lines, even the prefix cut before its colon: `…SA ID = 68)` then `:Verification of …`). A message is cut
 * when its prefix is incomplete, its text is empty, or its text is not understood alone; the lines after it that
 * carry no prefix, timestamp or indent are its rest, up to three of them.
 */
import { readIkev2Prefix } from './prefix.ts';
import { readIkev2Message } from './read.ts';

/** At most this many lines are joined to a cut message. */
export const MAX_WRAPPED = 3;

/** The rest of a cut line joins it with a space where the break took one, with none inside a prefix or a token. */
function join(text: string, rest: string, terminal: boolean): string {
  if (terminal || text.endsWith(' ') || rest.startsWith(':')) return text + rest;
  return `${text} ${rest}`;
}

/** Whether `body` (a record's first line, from `IKEv2`) reads as a message cut short. */
export function cutShort(body: string): boolean {
  const prefix = readIkev2Prefix(body);
  if (prefix === null) return true;
  const text = body.slice(prefix.end);
  // `IKEv2:(SESSION ID = 14607,SA ID = 68)` then `:Verification …`: the prefix itself was cut
  if (prefix.facility !== 'PROTO' && prefix.facility !== 'PLAT' && prefix.sa === null && text.startsWith('(')) return true;
  if (text.trim().length === 0) return true;
  return readIkev2Message(text, [text]) === null;
}

/** The body with `lines` joined to it as the rest of a cut message (`terminal`: cut at 80 columns, inside a token). */
export function joinWrapped(body: string, lines: readonly string[], terminal: boolean): string {
  let out = body;
  for (const line of lines) out = join(out, line, terminal);
  return out;
}

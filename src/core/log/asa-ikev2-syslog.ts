/**
 * The ASA's and FTD's IKEv2 system messages (`%ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown
 * IKEv2 Negotiation aborted due to ERROR: Failed to receive the AUTH msg before the timer expired`): both ends with
 * their ports, the peer's user or tunnel group, and a message that may quote the IKEv2 library's own error text,
 * which is read as that library's debug line of the same text is.
 */
import { describeIkev2Record } from './ikev2/describe.ts';
import { readIkev2Message } from './ikev2/read.ts';
import type { Ikev2Line } from './ikev2/line.ts';

export interface AsaIkev2Message {
  local: string;
  localPort: number;
  /** An address, or the hostname the ASA printed for it (`Remote:HOSTNAME:500`). */
  remote: string;
  remotePort: number;
  /** `Unknown` until the peer's identity is known. */
  user: string;
  message: string;
}

/** The port is the digits after the last colon: an IPv6 address keeps its own. */
const ENDS = /^Local:(\S{1,70}):(\d{1,5}) Remote:(\S{1,260}):(\d{1,5}) Username:(\S{0,260}) ?(.*)$/;

/** `%ASA-n-750nnn:` or `%FTD-n-750nnn:` with its ends, or null. */
export function asaIkev2Message(facility: string, mnemonic: string, text: string): AsaIkev2Message | null {
  if ((facility !== 'ASA' && facility !== 'FTD') || !mnemonic.startsWith('750')) return null;
  const m = ENDS.exec(text);
  if (m === null) return null;
  return { local: m[1] ?? '', localPort: Number(m[2]), remote: m[3] ?? '', remotePort: Number(m[4]), user: m[5] ?? '', message: (m[6] ?? '').trim() };
}

const ABORTED = 'IKEv2 Negotiation aborted due to ERROR: ';

/** The IKEv2 error line an aborted negotiation's message quotes, as the library's debug prints it; null for any other message. */
export function quotedIkev2Error(message: string): Ikev2Line | null {
  if (!message.startsWith(ABORTED)) return null;
  const quoted = message.slice(ABORTED.length);
  const line = readIkev2Message(quoted, [quoted]);
  return line !== null && line.kind === 'error' ? line : null;
}

/** `%ASA-4-750003: …`: the facility, the mnemonic and the text of a whole system message of these. */
const HEAD = /^%(ASA|FTD)-\d-(750\d{3}): /;

/** A whole system message cut after its ends (a page or a viewer broke the line there): its text is on the next line. */
export function cutAfterEnds(syslog: string): boolean {
  const head = HEAD.exec(syslog);
  return head !== null && asaIkev2Message(head[1] ?? '', head[2] ?? '', syslog.slice(head[0].length))?.message === '';
}

const SA_UP = 'IKEv2 SA UP.';

/** ` Reason: New Connection Established` as `: new connection established`, or nothing. */
function reason(rest: string): string {
  const r = rest.trim();
  return r.startsWith('Reason: ') && r.length > 8 ? `: ${r.slice(8).toLowerCase()}` : '';
}

/** What the message says, with both ends: an aborted negotiation in the words of the error it quotes, an SA up. */
export function asaIkev2Words(m: AsaIkev2Message): string {
  const ends = `this side ${m.local}:${m.localPort}, the peer ${m.remote}:${m.remotePort}${m.user.length > 0 && m.user !== 'Unknown' ? `, user or tunnel group ${m.user}` : ''}`;
  const error = quotedIkev2Error(m.message);
  if (error !== null) return `IKEv2 negotiation aborted (${ends}): ${describeIkev2Record(error, [])}`;
  // 750006 (SEKOIA's FTD parser tests): `IKEv2 SA UP. Reason: New Connection Established`
  if (m.message.startsWith(SA_UP)) return `The IKEv2 SA is up (${ends})${reason(m.message.slice(SA_UP.length))}.`;
  return `IKEv2 system message (${ends}): ${m.message.length > 0 ? m.message : 'its text is not on this line.'}`;
}

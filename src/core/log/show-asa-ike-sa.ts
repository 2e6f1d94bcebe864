/**
 * The ASA's `show crypto isakmp sa` / `show crypto ikev1 sa`: a block per SA, not IOS's table. Its heading and
 * counts, `1   IKE Peer: 198.51.100.2`, then `Type    : L2L             Role    : initiator` and
 * `Rekey   : no              State   : MM_ACTIVE` (with `detail`, the algorithms and lifetime too).
 */
import type { AddressBook } from './addresses.ts';
import type { IkeEventBody } from './events.ts';

// its number before it, unless the reader took it for a paste's line number
const PEER = /^(?:\d{1,6} +)?IKE Peer: (\S{1,64})$/;
const ROLE = /^Type +: (\S{1,20}) +Role +: (initiator|responder)$/;
const STATE = /^Rekey +: (yes|no) +State +: (\w{1,30})$/;

/** Its lines that change nothing, by their start, in words. */
const ASA_IKE_SA_WORDS: readonly [string, string][] = [
  ['IKEv1 SAs:', "The ASA's IKEv1 (ISAKMP) SAs follow, one block each."],
  ['IKEv2 SAs:', "The ASA's IKEv2 SAs follow."],
  ['Active SA:', 'How many IKE SAs are up.'],
  ['Rekey SA:', 'How many IKE SAs are being rekeyed (a tunnel counts one of each while it rekeys).'],
  ['Total IKE SA:', 'How many IKE SAs this ASA holds.'],
  ['There are no IKEv2 SAs', 'No IKEv2 SA exists.'],
  ['There are no IKEv1 SAs', 'No IKEv1 SA exists.'],
  ['Encrypt :', "The ISAKMP SA's encryption and hash."],
  ['Auth    :', "The ISAKMP SA's authentication and lifetime (seconds)."],
  ['Lifetime Remaining:', "The ISAKMP SA's lifetime left (seconds)."],
];

/** Whether a line opens this output pasted without its command. */
export function startsAsaIkeSa(t: string): boolean {
  return t.startsWith('IKEv1 SAs:');
}

/** The event of one of its lines (indentation removed), or null when it is none of them. */
export function asaIkeSaLine(t: string, book: AddressBook): IkeEventBody | null {
  const peer = PEER.exec(t);
  if (peer !== null) {
    const address = book.address(peer[1] ?? '');
    return address === null ? null : { type: 'show-isakmp-peer', peer: address, local: null };
  }
  const role = ROLE.exec(t);
  if (role !== null) return { type: 'show-asa-ike-role', kind: role[1] ?? '', role: role[2] === 'initiator' ? 'initiator' : 'responder' };
  const state = STATE.exec(t);
  if (state !== null) return { type: 'show-asa-ike-state', rekey: state[1] === 'yes', state: (state[2] ?? '').toUpperCase() };
  for (const [start, words] of ASA_IKE_SA_WORDS) if (t.startsWith(start)) return { type: 'info', text: t, words };
  return null;
}
